package org.headend.multicast.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.multicast.entity.MulticastFigures;
import org.headend.multicast.entity.MulticastState;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.multicast.entity.MulticastStatus;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.platform.process.Runners;
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

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    @Inject
    MulticastStore senders;

    @Inject
    LiveStreams live;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    Event<MulticastStateChanged> changes;

    @Inject
    Event<MulticastFigures> figures;

    @Inject
    MediaTools tools;

    @Inject
    ProcessSupervisor processes;

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

    private final Runners<SenderRunner> running = new Runners<>();
    private ScheduledFuture<?> ticks;

    @PostConstruct
    void init() {
        if (sapInterval.compareTo(Duration.ofMillis(500)) < 0 || sapInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException(
                    "headend.multicast.sap-interval must be between 0.5 s and 5 min, not " + sapInterval);
        }
        ticks = scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        for (SenderRunner runner : running.all()) {
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
        running.startIfAbsent(
                channel.id(),
                id -> new SenderRunner(
                        channel, streamName, source(channel, streamName), processes, sapInterval, changes::fire));
    }

    /**
     * The sender's source ffmpeg: its standard output is the sender's data; datagrams leaving are
     * its progress (reported by the runner), so a silent source is killed; a run that sent
     * anything starts the count of failures anew, and it is retried for ever while the stream is live.
     */
    private ProcessSpec source(MulticastChannel channel, String streamName) {
        String input = endpoints.internalSource(streamName, channel.rendition());
        return ProcessSpec.of("multicast-" + channel.id(), SourceCommand.of(tools.ffmpeg(), input))
                .withDataOnStdout()
                .withRestart(new RestartPolicy(new Backoff(retryInitial, retryMax), Duration.ZERO, 0))
                .withWatch(ProgressWatch.REPORTED, stallTimeout)
                .withStopGrace(STOP_GRACE)
                .partOf(channel.streamId(), ProcessRoles.MULTICAST_SOURCE);
    }

    /** Stops the sender, if it runs: its source ends, its socket closes, its SAP session is deleted. */
    public void halt(String senderId) {
        running.halt(senderId);
    }

    public MulticastStatus status(String senderId) {
        return running.find(senderId)
                .map(SenderRunner::status)
                .orElseGet(() -> MulticastStatus.of(MulticastState.WAITING));
    }

    public List<String> log(String senderId) {
        return running.log(senderId);
    }

    public long count(MulticastState state) {
        return running.count(r -> r.status().state() == state);
    }

    private void stopAll(String streamId) {
        running.haltStream(streamId);
    }

    private boolean isLive(String streamId) {
        return live.live(streamId).map(s -> s.state() == StreamState.LIVE).orElse(false);
    }

    @PreDestroy
    void stopEverything() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        running.haltAll();
    }
}
