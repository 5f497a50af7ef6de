package org.headend.ingest.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.headend.transcode.control.PackagingJob;
import org.headend.transcode.control.TranscoderSupervisor;
import org.headend.transcode.entity.Ladder;

/**
 * Decides on each publish: the key must belong to a stream (unknown, revoked and malformed keys
 * are refused) that no other publisher holds. An accepted publisher is renamed to the stream's
 * public name. Its transcoder is started before the answer, so that it is waiting when the first
 * keyframe comes (nginx-rtmp keeps no keyframe for late players: one that comes later waits a GOP
 * for the next), and is planned again once nginx-rtmp knows the input's size.
 */
@ApplicationScoped
public class PublishAuthorizer {

    private static final Logger LOG = Logger.getLogger(PublishAuthorizer.class.getName());
    private static final Duration INPUT_WAIT = Duration.ofSeconds(5);
    /** The longest a publisher waits for its transcoder, should ffmpeg be slow to start. */
    private static final Duration PLAYERS_WAIT = Duration.ofSeconds(2);

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
    PublishProbe probe;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    RelayKeys relayKeys;

    @Resource
    ManagedExecutorService executor;

    /** What each stream's publisher sent last time, the best guess of what it sends next. */
    private final Map<String, InputInfo> lastInputs = new ConcurrentHashMap<>();

    /** The decision on a publish: the public name to publish under, or why it is refused. */
    public record Decision(String publicName, String refusal) {
        public boolean accepted() {
            return publicName != null;
        }
    }

    public Decision onPublish(String key, String clientId, String address) {
        Optional<Stream> relayed = relayKeys.streamFor(key).flatMap(streams::find);
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
        startEarly(s);
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

    /**
     * Starts the transcoder on what the stream's publisher sent last time (else the whole ladder,
     * with audio), and waits until nginx-rtmp lists it as a player of the public name: nginx keeps
     * a player of a name nobody publishes yet waiting, and hands it the publisher's first frames.
     */
    private void startEarly(Stream stream) {
        InputInfo guess = lastInputs.getOrDefault(stream.id(), InputInfo.UNKNOWN);
        try {
            transcoders.start(job(stream, ladders.find(stream.ladder()).orElseThrow(), guess));
        } catch (RuntimeException e) {
            failed(stream, e);
            return;
        }
        int packagers = stream.redundancy() ? 2 : 1;
        if (!probe.awaitPlayers(stream.name(), packagers, PLAYERS_WAIT)) {
            LOG.warning(() -> "The transcoder of stream " + stream.name() + " was not waiting after "
                    + PLAYERS_WAIT.toSeconds() + " s; it starts on a later keyframe");
        }
    }

    private PackagingJob job(Stream stream, Ladder ladder, InputInfo input) {
        return new PackagingJob(
                stream.id(),
                stream.name(),
                ladder,
                input,
                endpoints.internalPlayUrl(stream.name()),
                stream.redundancy(),
                stream.worker());
    }

    private void startTranscoding(Stream stream) {
        try {
            transcode(stream);
        } catch (RuntimeException e) {
            failed(stream, e);
        }
    }

    private void failed(Stream stream, RuntimeException e) {
        LOG.log(Level.SEVERE, "Cannot start transcoding stream " + stream.name(), e);
        live.updateTranscoder(
                stream.id(),
                t -> new TranscoderStatus(
                        false,
                        0,
                        0,
                        0,
                        t.restarts(),
                        null,
                        "cannot start the transcoder: " + e.getMessage(),
                        t.host()));
        live.moveTo(stream.id(), StreamState.ERROR);
    }

    /** Once nginx-rtmp knows the input, keeps the transcoder if it was started right, else plans again. */
    private void transcode(Stream stream) {
        InputInfo input = probe.awaitInput(stream.name(), INPUT_WAIT);
        if (live.live(stream.id()).isEmpty()) {
            return;
        }
        if (input.knowsSize()) {
            lastInputs.put(stream.id(), input);
        } else {
            LOG.warning(() -> "No input size reported for stream " + stream.name() + "; transcoding the whole ladder");
        }
        live.updateInput(stream.id(), input);
        var ladder = ladders.find(stream.ladder()).orElseThrow();
        transcoders.adapt(job(stream, ladder, input));
        if (live.live(stream.id()).isEmpty()) {
            transcoders.stop(stream.id());
        }
    }
}
