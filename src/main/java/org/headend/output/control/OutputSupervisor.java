package org.headend.output.control;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.output.entity.Output;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.output.entity.OutputStatus;
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
 * Runs every enabled output of every live stream: they start when their stream goes LIVE and stop
 * when it goes OFFLINE (or is deleted); an output started or stopped by an operator follows at once.
 */
@ApplicationScoped
public class OutputSupervisor {

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    @Inject
    OutputStore outputs;

    @Inject
    LiveStreams live;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    Event<OutputStateChanged> changes;

    @Inject
    MediaTools tools;

    @Inject
    ProcessSupervisor processes;

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

    private final Runners<OutputRunner> running = new Runners<>();

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
        running.startIfAbsent(
                output.id(),
                id -> new OutputRunner(
                        id, streamName, output.name(), spec(output, streamName), processes, changes::fire));
    }

    /**
     * The output's ffmpeg: restarted with backoff, or as soon as an unreachable destination answers
     * again; any progress makes a run healthy (bytes flowing is all an output needs); killed when
     * it stalls; the URL's credentials masked in its log and errors.
     */
    private ProcessSpec spec(Output output, String streamName) {
        OutputUrl destination = OutputUrl.parse(output.url());
        String input = endpoints.internalSource(streamName, output.rendition());
        return ProcessSpec.of("output-" + output.id(), OutputCommand.of(tools.ffmpeg(), input, destination))
                .withRestart(new RestartPolicy(new Backoff(retryInitial, retryMax), Duration.ZERO, retryAttempts))
                .withWatch(ProgressWatch.PROGRESS_BLOCKS, stallTimeout)
                .withMask(OutputUrl::mask)
                .withRestartGate(() -> Reachability.probe(destination))
                .withExplainer(FfmpegErrors::explain)
                .withStopGrace(STOP_GRACE)
                .partOf(output.streamId(), ProcessRoles.OUTPUT);
    }

    /** Stops the output's process, if it runs; its state becomes WAITING or DISABLED. */
    public void halt(String outputId) {
        running.halt(outputId);
    }

    public OutputStatus status(Output output) {
        return running.find(output.id())
                .map(OutputRunner::status)
                .orElseGet(() -> OutputStatus.of(output.enabled() ? OutputState.WAITING : OutputState.DISABLED));
    }

    public List<String> log(String outputId) {
        return running.log(outputId);
    }

    public long count(OutputState state) {
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
        running.haltAll();
    }
}
