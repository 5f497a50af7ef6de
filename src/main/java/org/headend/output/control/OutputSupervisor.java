package org.headend.output.control;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.output.entity.Output;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.output.entity.OutputStatus;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.Backoff;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;

/**
 * Runs every enabled output of every live stream: they start when their stream goes LIVE and stop
 * when it goes OFFLINE (or is deleted); an output started or stopped by an operator follows at once.
 */
@ApplicationScoped
public class OutputSupervisor {

    @Inject
    OutputStore outputs;

    @Inject
    LiveStreams live;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    HeadendHome home;

    @Inject
    Event<OutputStateChanged> changes;

    @Inject
    @ConfigProperty(name = "headend.ffmpeg.binary", defaultValue = "ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "headend.output.retry.initial", defaultValue = "PT1S")
    Duration retryInitial;

    @Inject
    @ConfigProperty(name = "headend.output.retry.max", defaultValue = "PT30S")
    Duration retryMax;

    @Inject
    @ConfigProperty(name = "headend.output.retry.attempts", defaultValue = "0")
    int retryAttempts;

    @Inject
    @ConfigProperty(name = "headend.output.stall-timeout", defaultValue = "PT10S")
    Duration stallTimeout;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    private final Map<String, OutputRunner> running = new ConcurrentHashMap<>();
    private OutputRuntime runtime;

    @PostConstruct
    void init() {
        runtime = new OutputRuntime(
                ffmpeg,
                home.dir("run"),
                threads,
                scheduler,
                new Backoff(retryInitial, retryMax),
                retryAttempts,
                stallTimeout,
                changes::fire);
    }

    // Off the firing thread: starting and stopping processes takes time that the transcoder,
    // the hooks and the console push (observing the same events) must not wait for.
    void streamChanged(@Observes StreamStateChanged change) {
        if (change.to() == StreamState.LIVE) {
            scheduler.execute(() -> outputs.ofStream(change.streamId()).stream()
                    .filter(Output::enabled)
                    .forEach(o -> run(o, change.name())));
        } else if (change.to() == StreamState.OFFLINE) {
            scheduler.execute(() -> stopAll(change.streamId()));
        }
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.DELETED) {
            scheduler.execute(() -> stopAll(change.streamId()));
        }
    }

    /** Starts the output if its stream is live and it is not running yet. */
    public void run(Output output, String streamName) {
        if (!output.enabled() || !isLive(output.streamId())) {
            return;
        }
        running.computeIfAbsent(output.id(), id -> {
            var runner = new OutputRunner(
                    id,
                    output.streamId(),
                    streamName,
                    output.name(),
                    OutputUrl.parse(output.url()),
                    endpoints.internalSource(streamName, output.rendition()),
                    runtime);
            runner.start();
            return runner;
        });
    }

    /** Stops the output's process, if it runs; its state becomes WAITING or DISABLED. */
    public void halt(String outputId) {
        Optional.ofNullable(running.remove(outputId)).ifPresent(OutputRunner::stop);
    }

    public OutputStatus status(Output output) {
        OutputRunner runner = running.get(output.id());
        if (runner != null) {
            return runner.status();
        }
        return OutputStatus.of(output.enabled() ? OutputState.WAITING : OutputState.DISABLED);
    }

    public List<String> log(String outputId) {
        OutputRunner runner = running.get(outputId);
        return runner == null ? List.of() : runner.lastLogLines();
    }

    public long count(OutputState state) {
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
        List.copyOf(running.keySet()).parallelStream().forEach(this::halt);
    }
}
