package org.headend.output.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.output.entity.OutputStatus;
import org.headend.platform.process.ChildProcess;
import org.headend.platform.process.ProcessLog;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressParser;

/**
 * Keeps one output's ffmpeg running while its stream is live: CONNECTING until bytes flow, then
 * LIVE; when ffmpeg ends, RETRYING with backoff, and while the destination is unreachable it is
 * probed every quarter second, so its return is used at once; a process that stops making
 * progress is killed and retried. Each output has its own process: a failing one disturbs nothing.
 */
final class OutputRunner {

    private static final int LOG_LINES = 200;
    private static final long PROBE_MILLIS = 250;

    private final String outputId;
    private final String streamId;
    private final String streamName;
    private final String outputName;
    private final OutputUrl destination;
    private final List<String> command;
    private final OutputRuntime runtime;
    private final ProcessLog log = new ProcessLog(LOG_LINES, OutputUrl::mask);

    private volatile OutputStatus status = OutputStatus.of(OutputState.CONNECTING);
    private ChildProcess process;
    private boolean stopping;
    private int failures;
    private long bytesBefore;
    private long lastBytes;
    private long lastOutTime;
    private Instant lastProgressAt = Instant.now();
    private Instant lastSampleAt = Instant.now();
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> retry;

    OutputRunner(
            String outputId,
            String streamId,
            String streamName,
            String outputName,
            OutputUrl destination,
            String input,
            OutputRuntime runtime) {
        this.outputId = outputId;
        this.streamId = streamId;
        this.streamName = streamName;
        this.outputName = outputName;
        this.destination = destination;
        this.command = OutputCommand.of(runtime.ffmpeg(), input, destination);
        this.runtime = runtime;
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        onLogLine("Headend: starting ffmpeg");
        log.newRun();
        retry = null;
        move(OutputState.CONNECTING, status.lastError());
        var parser = new ProgressParser();
        try {
            lastProgressAt = Instant.now();
            lastBytes = 0;
            lastOutTime = 0;
            process = ChildProcess.start(
                    "output-" + outputId,
                    command,
                    runtime.runDir(),
                    runtime.threads(),
                    line -> parser.accept(line).ifPresent(this::onProgress),
                    this::onLogLine);
            ChildProcess started = process;
            started.onExit().thenAccept(code -> onExit(started, code));
            if (watchdog == null) {
                watchdog = runtime.scheduler().scheduleAtFixedRate(this::killIfStalled, 1, 1, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            failed("Cannot start ffmpeg: " + e.getMessage());
        }
    }

    private synchronized void onProgress(Progress progress) {
        if (stopping) {
            return;
        }
        Instant now = Instant.now();
        long bytes = progress.totalBytes();
        // The RTSP muxer writes through its own sockets and ffmpeg reports no byte count for it
        // (total_size=N/A): there, media time written is the sign of progress. It only moves once
        // the server accepted the session, as bytes only count once a connection is open.
        boolean moved = bytes > lastBytes || progress.outTimeMicros() > lastOutTime;
        if (moved) {
            lastProgressAt = now;
        }
        lastOutTime = Math.max(lastOutTime, progress.outTimeMicros());
        long millis = Math.max(1, Duration.between(lastSampleAt, now).toMillis());
        long kbps = bytes >= lastBytes ? (bytes - lastBytes) * 8 / millis : 0;
        lastBytes = bytes;
        lastSampleAt = now;
        OutputStatus s = status;
        status = new OutputStatus(s.state(), s.since(), kbps, bytesBefore + bytes, s.restarts(), s.lastError());
        if (s.state() != OutputState.LIVE && (bytes > 0 || lastOutTime > 0)) {
            failures = 0;
            move(OutputState.LIVE, s.lastError());
        }
    }

    private synchronized void killIfStalled() {
        ChildProcess running = process;
        if (stopping || running == null || !running.isAlive()) {
            return;
        }
        if (Duration.between(lastProgressAt, Instant.now()).compareTo(runtime.stallTimeout()) > 0) {
            onLogLine("Headend: no progress for " + runtime.stallTimeout().toSeconds() + " s, ffmpeg killed");
            running.kill();
        }
    }

    private synchronized void onExit(ChildProcess ended, int exitCode) {
        if (stopping || ended != process) {
            return;
        }
        bytesBefore += lastBytes;
        failed(FfmpegErrors.explain(exitCode, linesOfThisRun()));
    }

    /** After a failure: give up, or retry when the destination answers again or the backoff ends. */
    private void failed(String reason) {
        failures++;
        OutputStatus s = status;
        status = new OutputStatus(s.state(), s.since(), 0, s.bytesSent(), s.restarts() + 1, reason);
        if (runtime.maxAttempts() > 0 && failures > runtime.maxAttempts()) {
            move(OutputState.FAILED, reason);
            return;
        }
        move(OutputState.RETRYING, reason);
        Instant due = Instant.now().plus(runtime.backoff().delay(failures));
        boolean wasUnreachable = !Reachability.probe(destination);
        onLogLine("Headend: " + reason + (wasUnreachable ? "; waiting for the destination" : "; retrying at " + due));
        retry = runtime.scheduler()
                .scheduleWithFixedDelay(
                        () -> retryIfDue(due, wasUnreachable), PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void retryIfDue(Instant due, boolean waitingForDestination) {
        if (stopping || retry == null) {
            return;
        }
        boolean back = waitingForDestination && Reachability.probe(destination);
        if (back || (!waitingForDestination && Instant.now().isAfter(due))) {
            retry.cancel(false);
            start();
        }
    }

    private void move(OutputState to, String error) {
        OutputStatus s = status;
        if (s.state() == to) {
            return;
        }
        Instant now = Instant.now();
        status = new OutputStatus(to, now, s.bitrateKbps(), s.bytesSent(), s.restarts(), error);
        runtime.changes()
                .accept(new OutputStateChanged(outputId, streamId, streamName, outputName, s.state(), to, error, now));
    }

    private void onLogLine(String line) {
        log.add(line);
    }

    /** What ffmpeg said since it was last started: the words that explain how this run ended. */
    private List<String> linesOfThisRun() {
        return log.linesOfThisRun();
    }

    List<String> lastLogLines() {
        return log.lines();
    }

    String streamId() {
        return streamId;
    }

    OutputStatus status() {
        return status;
    }

    /** Stops the process and every pending retry; the runner is not used again. */
    void stop() {
        ChildProcess running;
        synchronized (this) {
            stopping = true;
            running = process;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (retry != null) {
                retry.cancel(false);
            }
        }
        if (running != null) {
            running.stop(Duration.ofSeconds(3));
        }
    }
}
