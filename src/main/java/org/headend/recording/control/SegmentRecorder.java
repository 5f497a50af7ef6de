package org.headend.recording.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.headend.platform.process.ChildProcess;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressParser;
import org.headend.recording.entity.RecordingRestarted;

/**
 * The ffmpeg copying one live stream into a recording's segments. If it dies while the stream is
 * still live, or stops making progress (hung on a stuck input, frozen) for the stall timeout and is
 * killed, it is started again after a backoff, writing a new run of segments into the same
 * recording; each such restart is reported. Once the stream has gone, its end is reported so the
 * recording can be finalised.
 */
final class SegmentRecorder {

    private static final Logger LOG = Logger.getLogger(SegmentRecorder.class.getName());
    private static final int LOG_LINES = 50;
    private static final Duration HEALTHY_RUN = Duration.ofSeconds(60);

    private final String recordingId;
    private final String streamName;
    private final String inputUrl;
    private final Path dir;
    private final RecorderSettings settings;
    private final BooleanSupplier streamLive;
    private final Runnable onEnded;
    private final Consumer<String> onRestarted;
    private final Deque<String> log = new ArrayDeque<>();

    private volatile ChildProcess process;
    private volatile boolean stopping;
    private Instant startedAt;
    private int restarts;
    private Instant lastProgressAt = Instant.now();
    private long lastOutTimeMicros;
    private boolean stalled;
    private ScheduledFuture<?> watchdog;

    SegmentRecorder(
            String recordingId,
            String streamName,
            String inputUrl,
            Path dir,
            RecorderSettings settings,
            BooleanSupplier streamLive,
            Runnable onEnded,
            Consumer<String> onRestarted) {
        this.recordingId = recordingId;
        this.streamName = streamName;
        this.inputUrl = inputUrl;
        this.dir = dir;
        this.settings = settings;
        this.streamLive = streamLive;
        this.onEnded = onEnded;
        this.onRestarted = onRestarted;
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        List<String> command =
                RecordingCommands.segments(settings.ffmpeg(), inputUrl, dir, nextRun(), settings.segmentSeconds());
        var parser = new ProgressParser();
        try {
            startedAt = Instant.now();
            lastProgressAt = startedAt;
            lastOutTimeMicros = 0;
            stalled = false;
            process = ChildProcess.start(
                    "rec-" + recordingId,
                    command,
                    settings.runDir(),
                    settings.threads(),
                    line -> parser.accept(line).ifPresent(this::onProgress),
                    this::note);
            ChildProcess started = process;
            started.onExit().thenAccept(code -> onExit(started, code));
            if (watchdog == null) {
                watchdog = settings.scheduler().scheduleAtFixedRate(this::killIfStalled, 1, 1, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            note("Headend: cannot start ffmpeg: " + e.getMessage());
            restartLater();
        }
    }

    private int nextRun() {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("part-") && n.length() > 10)
                    .mapToInt(n -> Integer.parseInt(n.substring(5, 9)) + 1)
                    .max()
                    .orElse(0);
        } catch (IOException | NumberFormatException e) {
            return restarts;
        }
    }

    /** Copying advances the output's timestamps; a frozen or hung ffmpeg stops moving them. */
    private synchronized void onProgress(Progress progress) {
        if (progress.outTimeMicros() > lastOutTimeMicros) {
            lastOutTimeMicros = progress.outTimeMicros();
            lastProgressAt = Instant.now();
        }
    }

    // SIGKILL: a hung ffmpeg may ignore SIGTERM, and a stopped one (SIGSTOP) cannot act on it at all.
    private synchronized void killIfStalled() {
        ChildProcess running = process;
        if (stopping || stalled || running == null || !running.isAlive()) {
            return;
        }
        Duration timeout = settings.stallTimeout();
        if (Duration.between(lastProgressAt, Instant.now()).compareTo(timeout) > 0) {
            stalled = true;
            note("Headend: no progress for " + timeout.toSeconds() + " s, ffmpeg killed");
            LOG.warning(() -> "Recording of " + streamName + " made no progress for " + timeout.toSeconds()
                    + " s; killing its ffmpeg");
            running.kill();
        }
    }

    private synchronized void onExit(ChildProcess ended, int exitCode) {
        if (stopping || ended != process) {
            return;
        }
        if (!streamLive.getAsBoolean()) {
            stopping = true;
            cancelWatchdog();
            settings.scheduler().execute(onEnded);
            return;
        }
        String cause = stalled ? RecordingRestarted.STALLED : RecordingRestarted.EXITED;
        if (!stalled) {
            LOG.warning(() -> "Recording of " + streamName + " lost its ffmpeg (exit " + exitCode + "); restarting it");
        }
        if (Duration.between(startedAt, Instant.now()).compareTo(HEALTHY_RUN) > 0) {
            restarts = 0;
        }
        settings.scheduler().execute(() -> onRestarted.accept(cause));
        restartLater();
    }

    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
    }

    private void restartLater() {
        restarts++;
        Duration delay = settings.backoff().delay(restarts);
        note("Headend: restart " + restarts + " in " + delay.toMillis() + " ms");
        settings.scheduler().schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void note(String line) {
        synchronized (log) {
            if (log.size() == LOG_LINES) {
                log.removeFirst();
            }
            log.addLast(line);
        }
    }

    String lastLogLine() {
        synchronized (log) {
            return log.isEmpty() ? "" : log.getLast();
        }
    }

    /** Bytes written so far, over every segment. */
    long bytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ts"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Ends ffmpeg with SIGTERM, so it closes its last segment properly. */
    void stop() {
        ChildProcess running;
        synchronized (this) {
            stopping = true;
            running = process;
            cancelWatchdog();
        }
        if (running != null) {
            running.stop(Duration.ofSeconds(5));
        }
    }
}
