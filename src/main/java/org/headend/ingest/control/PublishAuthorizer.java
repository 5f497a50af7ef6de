package org.headend.ingest.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamNames;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.TranscoderStatus;
import org.headend.transcode.control.LadderStore;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * Decides on each publish: the key must belong to a stream (unknown, revoked and malformed keys
 * are refused) that no other publisher holds. An accepted publisher is renamed to the stream's
 * public name, and transcoding starts as soon as nginx-rtmp knows the input's size.
 */
@ApplicationScoped
public class PublishAuthorizer {

    private static final Logger LOG = Logger.getLogger(PublishAuthorizer.class.getName());
    private static final Duration INPUT_WAIT = Duration.ofSeconds(5);

    @Inject
    StreamStore streams;

    @Inject
    LadderStore ladders;

    @Inject
    LiveStreams live;

    @Inject
    TranscoderSupervisor transcoders;

    @Inject
    NginxClient nginx;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    InputListeners listeners;

    @Resource
    ManagedExecutorService executor;

    /** The decision on a publish: the public name to publish under, or why it is refused. */
    public record Decision(String publicName, String refusal) {
        public boolean accepted() {
            return publicName != null;
        }
    }

    public Decision onPublish(String key, String clientId, String address) {
        Optional<Stream> relayed = listeners.streamForRelayKey(key).flatMap(streams::find);
        Optional<Stream> stream = relayed.or(() -> streams.forKey(key));
        if (stream.isEmpty()) {
            LOG.info(() -> "Refused a publisher from " + address + ": unknown, revoked or malformed stream key");
            return new Decision(null, "unknown, revoked or malformed stream key");
        }
        Stream s = stream.get();
        if (relayed.isEmpty() && s.input().type().listens()) {
            String type = s.input().type().name();
            LOG.info(() -> "Refused an RTMP publisher from " + address + " on " + type + " stream " + s.name());
            return new Decision(null, "the stream takes its input over " + type + ", not RTMP");
        }
        if (!live.claim(s.id(), s.name(), clientId)) {
            LOG.info(() -> "Refused a second publisher from " + address + " on live stream " + s.name());
            return new Decision(null, "the stream is already live");
        }
        LOG.info(() -> "Publisher from " + address + " is live on stream " + s.name());
        executor.execute(() -> startTranscoding(s));
        return new Decision(s.name(), null);
    }

    /**
     * A publisher nginx-rtmp still had when the app started, under the stream's public name: a
     * stream of ours goes live again as after a fresh publish, held by the same client id, so that
     * its publish_done ends it as usual.
     */
    public Adoption adopt(String name, String clientId) {
        Optional<Stream> stream = StreamNames.isValid(name) ? streams.byName(name) : Optional.empty();
        Adoption adoption =
                Adoption.of(stream, stream.flatMap(s -> live.live(s.id())).isPresent());
        if (adoption != Adoption.ADOPT) {
            return adoption;
        }
        Stream s = stream.get();
        if (!live.claim(s.id(), s.name(), clientId)) {
            // A publish through on_publish got there first.
            return Adoption.KEEP;
        }
        LOG.info(() ->
                "Adopted the publisher of stream " + s.name() + ", connected to nginx-rtmp since before the start");
        executor.execute(() -> startTranscoding(s));
        return adoption;
    }

    public void onPublishDone(String clientId) {
        live.release(clientId).ifPresent(id -> {
            transcoders.stop(id);
            LOG.info(() -> "Publisher left stream " + id + "; transcoder stopped");
        });
    }

    /** Takes a live stream off the air: transcoder stopped, publisher disconnected. */
    public void endPublishing(String streamId, String name) {
        live.end(streamId);
        transcoders.stop(streamId);
        try {
            nginx.dropPublisher(name);
        } catch (IOException e) {
            LOG.warning(() -> "Could not disconnect the publisher of " + name + ": " + e.getMessage());
        }
    }

    private void startTranscoding(Stream stream) {
        try {
            transcode(stream);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot start transcoding stream " + stream.name(), e);
            live.updateTranscoder(
                    stream.id(),
                    t -> new TranscoderStatus(
                            false, 0, 0, 0, t.restarts(), null, "cannot start the transcoder: " + e.getMessage()));
            live.moveTo(stream.id(), StreamState.ERROR);
        }
    }

    private void transcode(Stream stream) {
        InputInfo input = awaitInput(stream.name());
        if (live.live(stream.id()).isEmpty()) {
            return;
        }
        live.updateInput(stream.id(), input);
        var ladder = ladders.find(stream.ladder()).orElseThrow();
        transcoders.start(
                stream.id(),
                stream.name(),
                ladder,
                input,
                endpoints.internalPlayUrl(stream.name()),
                stream.redundancy());
        if (live.live(stream.id()).isEmpty()) {
            transcoders.stop(stream.id());
        }
    }

    /** Waits briefly for nginx-rtmp to report the input's size, which the ladder plan needs. */
    private InputInfo awaitInput(String name) {
        long deadline = System.nanoTime() + INPUT_WAIT.toNanos();
        InputInfo latest = InputInfo.UNKNOWN;
        while (System.nanoTime() < deadline) {
            try {
                latest = nginx.published().getOrDefault(name, InputInfo.UNKNOWN);
                if (latest.knowsSize()) {
                    return latest;
                }
            } catch (IOException e) {
                LOG.fine(() -> "nginx-rtmp statistics not readable yet: " + e.getMessage());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.warning(() -> "No input size reported for stream " + name + "; transcoding the whole ladder");
        return latest;
    }
}
