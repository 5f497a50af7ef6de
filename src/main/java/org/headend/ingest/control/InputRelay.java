package org.headend.ingest.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.ChildProcess;
import org.headend.platform.process.ProcessLog;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressParser;
import org.headend.stream.entity.ListenerState;
import org.headend.stream.entity.ListenerStatus;

/**
 * Keeps one SRT or UDP listener running for as long as its stream exists. A listener ends when its
 * sender leaves (SRT) or falls silent (UDP timeout), and is started again at once for the next
 * sender; one that fails before receiving anything (port taken, bad interface) is retried with
 * backoff, so a broken setting does not spin.
 */
final class InputRelay {

    /** What every relay shares: how to run ffmpeg and where. */
    record Runtime(
            Path runDir,
            ThreadFactory threads,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            Duration silenceTimeout) {}

    private static final int LOG_LINES = 200;
    private static final Duration QUICK_FAILURE = Duration.ofSeconds(1);
    private static final long NEXT_SENDER_MILLIS = 100;

    private final String streamId;
    private final List<String> command;
    private final Runtime runtime;
    private final ProcessLog log;

    private volatile ListenerStatus status = ListenerStatus.listening();
    private ChildProcess process;
    private boolean stopping;
    private int failures;
    private Instant runStartedAt = Instant.now();
    private long bytesBefore;
    private long lastBytes;
    private Instant lastSampleAt = Instant.now();
    private Instant lastDataAt = Instant.now();
    private ScheduledFuture<?> watchdog;

    InputRelay(String streamId, List<String> command, Runtime runtime, UnaryOperator<String> mask) {
        this.streamId = streamId;
        this.command = command;
        this.runtime = runtime;
        this.log = new ProcessLog(LOG_LINES, mask);
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        log.newRun();
        runStartedAt = Instant.now();
        lastBytes = 0;
        lastSampleAt = runStartedAt;
        var parser = new ProgressParser();
        try {
            process = ChildProcess.start(
                    "input-" + streamId,
                    command,
                    runtime.runDir(),
                    runtime.threads(),
                    line -> parser.accept(line).ifPresent(this::onProgress),
                    this::onLogLine);
            ChildProcess started = process;
            started.onExit().thenAccept(code -> onExit(started, code));
            if (watchdog == null) {
                watchdog = runtime.scheduler().scheduleAtFixedRate(this::endIfSilent, 1, 1, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            log.add("Headend: cannot start ffmpeg: " + e.getMessage());
            retryLater("Cannot start ffmpeg: " + e.getMessage());
        }
    }

    private synchronized void onProgress(Progress progress) {
        if (stopping) {
            return;
        }
        Instant now = Instant.now();
        long bytes = progress.totalBytes();
        long millis = Math.max(1, Duration.between(lastSampleAt, now).toMillis());
        long kbps = bytes >= lastBytes ? (bytes - lastBytes) * 8 / millis : 0;
        if (bytes > lastBytes) {
            lastDataAt = now;
        }
        lastBytes = bytes;
        lastSampleAt = now;
        ListenerStatus s = status;
        boolean receiving = bytes > 0;
        if (receiving) {
            failures = 0;
        }
        status = new ListenerStatus(
                receiving ? ListenerState.RECEIVING : s.state(),
                receiving && s.state() != ListenerState.RECEIVING ? now : s.since(),
                kbps,
                bytesBefore + bytes,
                s.restarts(),
                receiving ? null : s.lastError());
    }

    /** A sender that stops sending has ended its stream: end the run, so the stream goes offline. */
    private synchronized void endIfSilent() {
        ChildProcess running = process;
        if (stopping || running == null || !running.isAlive() || lastBytes == 0) {
            return;
        }
        if (Duration.between(lastDataAt, Instant.now()).compareTo(runtime.silenceTimeout()) > 0) {
            log.add("Headend: nothing received for " + runtime.silenceTimeout().toMillis()
                    + " ms; the sender has gone");
            running.kill();
        }
    }

    /** A caller refused at the SRT handshake leaves the listener waiting: say so while it waits. */
    private void onLogLine(String line) {
        log.add(line);
        ListenerErrors.refusedSender(List.of(line)).ifPresent(refusal -> {
            synchronized (this) {
                ListenerStatus s = status;
                status = new ListenerStatus(
                        s.state(), s.since(), s.bitrateKbps(), s.bytesReceived(), s.restarts(), refusal);
            }
        });
    }

    private synchronized void onExit(ChildProcess ended, int exitCode) {
        if (stopping || ended != process) {
            return;
        }
        bytesBefore += lastBytes;
        boolean received = lastBytes > 0;
        boolean quick = Duration.between(runStartedAt, Instant.now()).compareTo(QUICK_FAILURE) < 0;
        if (!received && quick) {
            retryLater(ListenerErrors.explain(exitCode, log.linesOfThisRun()));
            return;
        }
        // A sender left, fell silent, or was refused: listen again for the next one at once.
        ListenerStatus s = status;
        status = new ListenerStatus(
                ListenerState.LISTENING, Instant.now(), 0, s.bytesReceived(), s.restarts(), s.lastError());
        runtime.scheduler().schedule(this::start, NEXT_SENDER_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void retryLater(String reason) {
        failures++;
        Duration delay = runtime.backoff().delay(failures);
        ListenerStatus s = status;
        status = new ListenerStatus(
                ListenerState.RETRYING, Instant.now(), 0, s.bytesReceived(), s.restarts() + 1, reason);
        log.add("Headend: " + reason + " Retrying in " + delay.toMillis() + " ms.");
        runtime.scheduler().schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    ListenerStatus status() {
        return status;
    }

    List<String> lastLogLines() {
        return log.lines();
    }

    /** Stops the listener for good; a sender still connected is cut. */
    void stop() {
        ChildProcess running;
        synchronized (this) {
            stopping = true;
            running = process;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
        if (running != null) {
            running.stop(Duration.ofSeconds(3));
        }
    }
}
