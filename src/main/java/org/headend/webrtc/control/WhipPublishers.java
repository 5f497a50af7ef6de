package org.headend.webrtc.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.ingest.control.RelayKeys;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.stream.entity.PublisherDisconnectRequested;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.webrtc.entity.JanusRestarted;

/**
 * Every WHIP publishing session of this node, by its resource id, with at most one per stream.
 * Sessions end with their stream (deleted, or its publisher cut) and with the app.
 */
@ApplicationScoped
public class WhipPublishers {

    /** A publisher whose PeerConnection is not up this long after the answer is not coming. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration BIND_WAIT = Duration.ofSeconds(5);
    private static final long BIND_POLL_MILLIS = 50;

    @Inject
    JanusClient janus;

    @Inject
    RelayKeys relayKeys;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    ProcessSupervisor processes;

    @Inject
    MediaTools tools;

    @Inject
    HeadendHome home;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, WhipPublisher> byId = new ConcurrentHashMap<>();
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    /** Why a session was not opened, for the caller's status code. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("The stream already has a WHIP publisher.");
        }
    }

    /** A session opened: its resource id, the answer to return, its ETag. */
    public record Opened(String id, String answer, String etag) {}

    /**
     * Opens a session publishing stream {@code streamId}: the offer goes to Janus, the bridge
     * starts. The caller has checked the key and the offer; nothing is left behind on failure.
     */
    public Opened open(String streamId, String streamName, String bearer, WhipOffer offer)
            throws Busy, JanusException, IOException {
        if (!streams.add(streamId)) {
            throw new Busy();
        }
        var publisher = new WhipPublisher(streamId, streamName, bearer, offer, this);
        byId.put(publisher.id(), publisher);
        String answer = publisher.start();
        scheduler.schedule(
                () -> {
                    if (!publisher.connected()) {
                        publisher.end("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
                    }
                },
                CONNECT_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        return new Opened(publisher.id(), answer, publisher.etag());
    }

    public Optional<WhipPublisher> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Whether a WHIP session publishes (or is setting up to publish) the stream. */
    public boolean publishes(String streamId) {
        return streams.contains(streamId);
    }

    public int count() {
        return byId.size();
    }

    void forget(WhipPublisher publisher) {
        if (byId.remove(publisher.id()) != null) {
            streams.remove(publisher.streamId());
        }
    }

    void later(Runnable work) {
        scheduler.execute(work);
    }

    /**
     * Runs {@code then} once something listens on local UDP {@code port} (the bridge ffmpeg has
     * opened its input), or after a few seconds anyway.
     */
    void whenBound(int port, Runnable then) {
        Instant deadline = Instant.now().plus(BIND_WAIT);
        scheduler.execute(new Runnable() {
            @Override
            public void run() {
                if (UdpSockets.bound(port) || Instant.now().isAfter(deadline)) {
                    then.run();
                } else {
                    scheduler.schedule(this, BIND_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    Path sdpDirectory() throws IOException {
        return Files.createDirectories(home.dir("webrtc"));
    }

    void streamDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.DELETED) {
            endFor(change.streamId(), "the stream was deleted");
        }
    }

    void publisherCut(@Observes PublisherDisconnectRequested request) {
        endFor(request.streamId(), "the stream's publisher was disconnected");
    }

    /** Janus's sessions are lost with it already; this ends the sessions whose news did not come. */
    void janusRestarted(@Observes JanusRestarted restart) {
        List.copyOf(byId.values()).forEach(p -> p.end("Janus restarted (" + restart.reason() + ")"));
    }

    private void endFor(String streamId, String reason) {
        List.copyOf(byId.values()).stream()
                .filter(p -> p.streamId().equals(streamId))
                .forEach(p -> p.end(reason));
    }

    @PreDestroy
    void endAll() {
        List.copyOf(byId.values()).forEach(p -> p.end("the app stops"));
    }
}
