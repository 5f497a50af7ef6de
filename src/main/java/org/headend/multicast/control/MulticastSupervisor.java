package org.headend.multicast.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.multicast.entity.MulticastFigures;
import org.headend.multicast.entity.MulticastState;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.multicast.entity.MulticastStatus;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.Backoff;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;

/**
 * Runs every multicast sender of every live stream: they start when their stream goes LIVE and
 * stop (with a SAP deletion) when it goes OFFLINE, is deleted, or the sender is removed; on
 * undeploy or SIGTERM every source ffmpeg ends.
 */
@ApplicationScoped
public class MulticastSupervisor {

    @Inject
    MulticastStore senders;

    @Inject
    LiveStreams live;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    HeadendHome home;

    @Inject
    Event<MulticastStateChanged> changes;

    @Inject
    Event<MulticastFigures> figures;

    @Inject
    @ConfigProperty(name = "headend.ffmpeg.binary", defaultValue = "ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "headend.multicast.retry.initial", defaultValue = "PT1S")
    Duration retryInitial;

    @Inject
    @ConfigProperty(name = "headend.multicast.retry.max", defaultValue = "PT30S")
    Duration retryMax;

    @Inject
    @ConfigProperty(name = "headend.multicast.sap-interval", defaultValue = "PT5S")
    Duration sapInterval;

    @Inject
    @ConfigProperty(name = "headend.multicast.stall-timeout", defaultValue = "PT10S")
    Duration stallTimeout;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    private final Map<String, SenderRunner> running = new ConcurrentHashMap<>();
    private MulticastRuntime runtime;
    private ScheduledFuture<?> ticks;

    @PostConstruct
    void init() {
        if (sapInterval.compareTo(Duration.ofMillis(500)) < 0 || sapInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException(
                    "headend.multicast.sap-interval must be between 0.5 s and 5 min, not " + sapInterval);
        }
        runtime = new MulticastRuntime(
                ffmpeg,
                home.dir("run"),
                threads,
                scheduler,
                new Backoff(retryInitial, retryMax),
                sapInterval,
                stallTimeout,
                changes::fire);
        ticks = scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        for (SenderRunner runner : running.values()) {
            runner.tick();
            figures.fire(runner.figures());
        }
    }

    // Off the firing thread, as outputs do: starting and stopping processes takes time.
    void streamChanged(@Observes StreamStateChanged change) {
        if (change.to() == StreamState.LIVE) {
            scheduler.execute(() -> senders.ofStream(change.streamId()).forEach(s -> run(s, change.name())));
        } else if (change.to() == StreamState.OFFLINE) {
            scheduler.execute(() -> stopAll(change.streamId()));
        }
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.DELETED) {
            scheduler.execute(() -> stopAll(change.streamId()));
        }
    }

    /** Starts the sender if its stream is live and it is not running yet. */
    public void run(MulticastChannel channel, String streamName) {
        if (!isLive(channel.streamId())) {
            return;
        }
        running.computeIfAbsent(channel.id(), id -> {
            var runner = new SenderRunner(
                    channel, streamName, endpoints.internalSource(streamName, channel.rendition()), runtime);
            runner.start();
            return runner;
        });
    }

    /** Stops the sender, if it runs: its source ends, its socket closes, its SAP session is deleted. */
    public void halt(String senderId) {
        Optional.ofNullable(running.remove(senderId)).ifPresent(SenderRunner::stop);
    }

    public MulticastStatus status(String senderId) {
        SenderRunner runner = running.get(senderId);
        return runner == null ? MulticastStatus.of(MulticastState.WAITING) : runner.status();
    }

    public List<String> log(String senderId) {
        SenderRunner runner = running.get(senderId);
        return runner == null ? List.of() : runner.lastLogLines();
    }

    public long count(MulticastState state) {
        return running.values().stream()
                .filter(r -> r.status().state() == state)
                .count();
    }

    private void stopAll(String streamId) {
        running.entrySet().stream()
                .filter(e -> e.getValue().streamId().equals(streamId))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(this::halt);
    }

    private boolean isLive(String streamId) {
        return live.live(streamId).map(s -> s.state() == StreamState.LIVE).orElse(false);
    }

    @PreDestroy
    void stopEverything() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        List.copyOf(running.keySet()).parallelStream().forEach(this::halt);
    }
}
