package org.headend.webrtc.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.webrtc.entity.JanusRestarted;

/**
 * Every WebRTC viewer on this node, by resource id, and the feed each stream's viewers share. The
 * first viewer of a stream starts its feed (mountpoint and bridge); the last one to leave starts
 * the linger ({@code headend.webrtc.viewer-linger}) after which the feed stops. A viewer leaves
 * when it says so, when Janus hangs it up or loses it, or when it never answered its offer; a
 * stream that goes offline takes its viewers and feed at once, and a Janus that dies takes all.
 */
@ApplicationScoped
public class WebRtcViewers {

    private static final Logger LOG = Logger.getLogger(WebRtcViewers.class.getName());
    /** A player that got an offer and never answered is gone: its Janus session must not stay. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    @Inject
    JanusClient janus;

    @Inject
    Mountpoints mountpoints;

    @Inject
    SourceProbe probe;

    @Inject
    ProcessSupervisor processes;

    @Inject
    MediaTools tools;

    @Inject
    IngestEndpoints ingest;

    @Inject
    WebRtcSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, StreamFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, WhepViewer> viewers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        mountpoints.onLost(reason -> executor.execute(() -> dropAll("Janus lost its mountpoints: " + reason)));
    }

    /** A new viewer of a live stream, holding Janus's offer; its stream's feed started if need be. */
    public WhepViewer join(String streamId, String name) throws JanusException {
        var viewer = new WhepViewer(streamId, (v, reason) -> executor.execute(() -> leave(v.resource(), reason)));
        // A feed stopped meanwhile is out of the map already: the next look finds or makes a fresh one.
        while (!joined(feeds.computeIfAbsent(streamId, id -> new StreamFeed(id, name)), viewer)) {
            Thread.onSpinWait();
        }
        scheduler.schedule(
                () -> {
                    if (!viewer.answered()) {
                        leave(viewer.resource(), "no answer within " + ANSWER_WITHIN.toSeconds() + " s");
                    }
                },
                ANSWER_WITHIN.toMillis(),
                TimeUnit.MILLISECONDS);
        return viewer;
    }

    private boolean joined(StreamFeed feed, WhepViewer viewer) throws JanusException {
        synchronized (feed) {
            if (feed.closed) {
                return false;
            }
            feed.cancelLinger();
            try {
                if (!feed.running()) {
                    start(feed);
                }
                viewer.watch(janus, feed.mountpoint);
            } catch (JanusException | RuntimeException e) {
                if (feed.viewers.isEmpty()) {
                    stop(feed, "its first viewer could not join: " + e.getMessage());
                }
                throw e;
            }
            feed.viewers.add(viewer.resource());
            viewers.put(viewer.resource(), viewer);
            return true;
        }
    }

    public Optional<WhepViewer> viewer(String resource) {
        return Optional.ofNullable(viewers.get(resource));
    }

    /** Hands Janus the viewer's answer; false when the viewer is gone. */
    public boolean answer(String resource, String sdp) throws JanusException {
        WhepViewer viewer = viewers.get(resource);
        if (viewer == null) {
            return false;
        }
        viewer.answer(sdp);
        return true;
    }

    /** The viewer leaves (idempotent); false when it was gone already. */
    public boolean leave(String resource, String reason) {
        WhepViewer viewer = viewers.remove(resource);
        if (viewer == null) {
            return false;
        }
        LOG.fine(() -> "WebRTC viewer of stream " + viewer.streamId() + " left: " + reason);
        viewer.close();
        StreamFeed feed = feeds.get(viewer.streamId());
        if (feed != null) {
            synchronized (feed) {
                if (feed.viewers.remove(resource) && feed.viewers.isEmpty() && !feed.closed) {
                    feed.cancelLinger();
                    feed.linger = scheduler.schedule(
                            () -> stopIfUnwatched(feed), settings.viewerLinger().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        return true;
    }

    /** WebRTC viewers of the stream now (offers not yet answered included). */
    public int viewers(String streamId) {
        StreamFeed feed = feeds.get(streamId);
        return feed == null ? 0 : feed.viewers.size();
    }

    /** Whether the stream's feed (mountpoint and bridge) is up. */
    public boolean feeding(String streamId) {
        StreamFeed feed = feeds.get(streamId);
        return feed != null && feed.running();
    }

    void offline(@Observes StreamStateChanged change) {
        if (change.to() == StreamState.OFFLINE && feeds.containsKey(change.streamId())) {
            executor.execute(() -> drop(change.streamId(), "the stream went offline"));
        }
    }

    /** Janus died or froze: every viewer, mountpoint and bridge input went with it. */
    void janusRestarted(@Observes JanusRestarted restarted) {
        executor.execute(() -> dropAll("Janus restarted (" + restarted.reason() + ")"));
    }

    private void start(StreamFeed feed) throws JanusException {
        String source = ingest.internalPlayUrl(feed.name);
        SourceTraits traits = probe.probe(feed.streamId, source);
        feed.mountpoint = mountpoints.create("stream " + feed.streamId);
        feed.bridge = new PlayBridge(
                processes,
                feed.streamId,
                PlayBridge.command(
                        tools.ffmpeg(), source, traits, feed.mountpoint.videoPort(), feed.mountpoint.audioPort()));
        feed.bridge.start();
        LOG.info(() -> "WebRTC feed of stream " + feed.streamId + " started ("
                + (traits.encodeVideo() ? "video encoded to baseline" : "video copied") + ")");
    }

    private void stopIfUnwatched(StreamFeed feed) {
        synchronized (feed) {
            if (feed.viewers.isEmpty() && !feed.closed) {
                stop(feed, "no viewer for " + settings.viewerLinger().toSeconds() + " s");
            }
        }
    }

    /** Stops the feed; called holding its lock. */
    private void stop(StreamFeed feed, String reason) {
        feed.closed = true;
        feed.cancelLinger();
        feeds.remove(feed.streamId, feed);
        if (feed.bridge != null) {
            feed.bridge.stop();
        }
        if (feed.mountpoint != null) {
            try {
                mountpoints.destroy(feed.mountpoint);
            } catch (JanusException e) {
                LOG.fine(() -> "Mountpoint of stream " + feed.streamId + " was gone already: " + e.getMessage());
            }
        }
        LOG.info(() -> "WebRTC feed of stream " + feed.streamId + " stopped: " + reason);
    }

    /** Hangs up every viewer of the stream and stops its feed at once. */
    void drop(String streamId, String reason) {
        StreamFeed feed = feeds.get(streamId);
        if (feed == null) {
            return;
        }
        List.copyOf(feed.viewers).forEach(r -> leave(r, reason));
        synchronized (feed) {
            if (!feed.closed) {
                stop(feed, reason);
            }
        }
    }

    private void dropAll(String reason) {
        List.copyOf(feeds.keySet()).forEach(id -> drop(id, reason));
    }

    @PreDestroy
    void close() {
        dropAll("the application stops");
        mountpoints.close();
    }
}
