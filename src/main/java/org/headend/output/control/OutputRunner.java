package org.headend.output.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.output.entity.OutputStatus;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessSnapshot;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.Progress;
import org.headend.platform.process.Runners;
import org.headend.platform.process.SupervisedProcess;

/**
 * What one output's supervised ffmpeg means for the output: CONNECTING until bytes (or, for RTSP,
 * media time) flow, then LIVE; RETRYING while the process waits for its restart (or for the
 * destination to answer again), FAILED once it is given up. The process does the starting,
 * watching and restarting; this runner turns its progress into the figures the console shows
 * (bitrate, bytes sent across restarts) and its moves into {@link OutputStateChanged} events.
 */
final class OutputRunner implements Runners.Runner, ProcessListener {

    private final String outputId;
    private final String streamName;
    private final String outputName;
    private final Consumer<OutputStateChanged> changes;
    private final SupervisedProcess process;

    private OutputState state = OutputState.CONNECTING;
    private Instant since = Instant.now();
    private long kbps;
    private long bytesBefore;
    private long lastBytes;
    private long lastOutTime;
    private Instant lastSampleAt = Instant.now();

    OutputRunner(
            String outputId,
            String streamName,
            String outputName,
            ProcessSpec spec,
            ProcessSupervisor processes,
            Consumer<OutputStateChanged> changes) {
        this.outputId = outputId;
        this.streamName = streamName;
        this.outputName = outputName;
        this.changes = changes;
        this.process = processes.supervise(spec, this);
    }

    @Override
    public void start() {
        process.start();
    }

    @Override
    public synchronized void started(LaunchedProcess run) {
        lastBytes = 0;
        lastOutTime = 0;
        lastSampleAt = Instant.now();
    }

    /** Counts as progress when bytes or media time moved; the figures are taken on the way. */
    @Override
    public synchronized boolean progress(Progress progress) {
        Instant now = Instant.now();
        long bytes = progress.totalBytes();
        // The RTSP muxer writes through its own sockets and ffmpeg reports no byte count for it
        // (total_size=N/A): there, media time written is the sign of progress. It only moves once
        // the server accepted the session, as bytes only count once a connection is open.
        boolean moved = bytes > lastBytes || progress.outTimeMicros() > lastOutTime;
        lastOutTime = Math.max(lastOutTime, progress.outTimeMicros());
        long millis = Math.max(1, Duration.between(lastSampleAt, now).toMillis());
        kbps = bytes >= lastBytes ? (bytes - lastBytes) * 8 / millis : 0;
        lastBytes = bytes;
        lastSampleAt = now;
        return moved;
    }

    @Override
    public synchronized void ended(String reason, boolean stalled) {
        bytesBefore += lastBytes;
        lastBytes = 0;
        kbps = 0;
    }

    @Override
    public void changed(ProcessSnapshot now) {
        OutputState to =
                switch (now.state()) {
                    case STARTING -> OutputState.CONNECTING;
                    case RUNNING -> OutputState.LIVE;
                    case RESTARTING -> OutputState.RETRYING;
                    case FAILED -> OutputState.FAILED;
                        // Stopped by its owner: the supervisor shows WAITING or DISABLED from then on.
                    case STOPPED -> null;
                };
        OutputState from;
        synchronized (this) {
            if (to == null || to == state) {
                return;
            }
            from = state;
            state = to;
            since = now.since();
        }
        changes.accept(new OutputStateChanged(
                outputId, process.spec().owner(), streamName, outputName, from, to, now.lastError(), now.since()));
    }

    @Override
    public String streamId() {
        return process.spec().owner();
    }

    synchronized OutputStatus status() {
        ProcessSnapshot now = process.snapshot();
        return new OutputStatus(state, since, kbps, bytesBefore + lastBytes, now.restarts(), now.lastError());
    }

    @Override
    public List<String> logLines() {
        return process.logLines();
    }

    /** Stops the process and every pending retry; the runner is not used again. */
    @Override
    public void stop() {
        process.stop();
    }
}
