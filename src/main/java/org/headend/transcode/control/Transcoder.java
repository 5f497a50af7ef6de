package org.headend.transcode.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;
import java.util.logging.Logger;
import org.headend.platform.process.ChildProcess;
import org.headend.platform.process.ProcessLog;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressParser;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.TranscoderStatus;

/**
 * The ffmpeg process of one live stream, kept running while the publisher is live: when it dies,
 * or hangs without progress for the stall timeout, it is started again after a backoff; the stream
 * turns LIVE once every rendition has a segment.
 */
final class Transcoder {

    private static final Logger LOG = Logger.getLogger(Transcoder.class.getName());
    private static final int LOG_LINES = 200;
    /** Begins the lines Headend adds to the log itself, told apart from ffmpeg's. */
    private static final String OWN = "Headend: ";

    private static final Duration HEALTHY_RUN = Duration.ofSeconds(60);

    private final String streamId;
    private final String name;
    private final List<String> command;
    private final Path outputDir;
    private final List<String> variants;
    private final TranscoderRuntime runtime;
    private final ObjIntConsumer<String> onRestart;
    private final boolean backup;
    private final ProcessLog log = new ProcessLog(LOG_LINES, line -> line);

    private volatile ChildProcess process;
    private volatile boolean stopping;
    private volatile Instant startedAt;
    private volatile Instant lastProgressAt;
    private volatile boolean progressSeen;
    private ScheduledFuture<?> watchdog;
    private int restarts;

    Transcoder(
            String streamId,
            String name,
            List<String> command,
            Path outputDir,
            List<String> variants,
            TranscoderRuntime runtime,
            ObjIntConsumer<String> onRestart,
            boolean backup) {
        this.backup = backup;
        this.streamId = streamId;
        this.name = name;
        this.command = command;
        this.outputDir = outputDir;
        this.variants = variants;
        this.runtime = runtime;
        this.onRestart = onRestart;
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        var parser = new ProgressParser();
        try {
            startedAt = Instant.now();
            lastProgressAt = startedAt;
            log.newRun();
            progressSeen = false;
            process = ChildProcess.start(
                    "ffmpeg-" + name,
                    command,
                    runtime.runDir(),
                    runtime.threads(),
                    line -> parser.accept(line).ifPresent(this::onProgress),
                    log::add);
            // ffmpeg itself writes warnings only, and a packager that copies writes none: say what runs.
            log.add(OWN + "started (pid " + process.pid() + "): " + String.join(" ", command));
            if (!backup) {
                runtime.live()
                        .updateTranscoder(
                                streamId, t -> new TranscoderStatus(true, 0, 0, 0, restarts, startedAt, t.lastError()));
            }
            ChildProcess started = process;
            started.onExit().thenAccept(code -> onExit(started, code));
            if (watchdog == null) {
                long period = Math.max(1, runtime.stallTimeout().toSeconds() / 3);
                watchdog =
                        runtime.scheduler().scheduleAtFixedRate(this::killIfStalled, period, period, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Cannot start ffmpeg for stream " + name + ": " + e.getMessage());
            log.add(OWN + "cannot start ffmpeg: " + e.getMessage());
            failed("cannot start ffmpeg: " + e.getMessage());
        }
    }

    private void onProgress(Progress progress) {
        lastProgressAt = Instant.now();
        progressSeen = true;
        if (backup) {
            // The stream's status is the primary's: a backup only has to keep writing.
            return;
        }
        var live = runtime.live();
        live.updateTranscoder(
                streamId,
                t -> new TranscoderStatus(
                        true, progress.speed(), progress.fps(), progress.frames(), restarts, startedAt, t.lastError()));
        live.live(streamId).filter(s -> s.state() != StreamState.LIVE).ifPresent(s -> {
            if (playable()) {
                log.add(OWN + "every rendition has a segment; the stream plays");
                live.moveTo(streamId, StreamState.LIVE);
            }
        });
    }

    /** A process that is alive but reports no progress is as good as dead: end it, and it restarts. */
    private void killIfStalled() {
        ChildProcess running = process;
        if (stopping || running == null || !running.isAlive()) {
            return;
        }
        if (Duration.between(lastProgressAt, Instant.now()).compareTo(runtime.stallTimeout()) > 0) {
            LOG.warning(() -> "Transcoder of stream " + name + " made no progress for "
                    + runtime.stallTimeout().toSeconds() + " s; restarting it");
            log.add(OWN + "no progress for " + runtime.stallTimeout().toSeconds() + " s, ffmpeg killed");
            running.kill();
        }
    }

    /** True once the master playlist exists and every variant playlist lists a segment. */
    boolean playable() {
        if (!Files.exists(outputDir.resolve("master.m3u8"))) {
            return false;
        }
        return variants.stream().allMatch(v -> {
            try {
                Path playlist = outputDir.resolve(v).resolve("index.m3u8");
                return Files.exists(playlist) && Files.readString(playlist).contains("#EXTINF");
            } catch (IOException e) {
                return false;
            }
        });
    }

    boolean backup() {
        return backup;
    }

    List<String> command() {
        return command;
    }

    /**
     * Since the last progress report of the running ffmpeg (ffmpeg reports twice a second); zero
     * until its first report, as opening the input takes a while and is no stall.
     */
    Duration sinceProgress() {
        Instant last = lastProgressAt;
        return last == null || !progressSeen ? Duration.ZERO : Duration.between(last, Instant.now());
    }

    List<String> variants() {
        return variants;
    }

    /** The running ffmpeg's pid; empty between a death and its restart. */
    java.util.OptionalLong pid() {
        ChildProcess current = process;
        return current != null && current.isAlive()
                ? java.util.OptionalLong.of(current.pid())
                : java.util.OptionalLong.empty();
    }

    List<String> lastLogLines() {
        return log.lines();
    }

    private synchronized void onExit(ChildProcess ended, int exitCode) {
        if (stopping || ended != process) {
            return;
        }
        String reason = "ffmpeg exited with code " + exitCode + lastLogLine();
        LOG.warning(() -> "Transcoder of stream " + name + " stopped: " + reason);
        if (Duration.between(startedAt, Instant.now()).compareTo(HEALTHY_RUN) > 0) {
            restarts = 0;
        }
        restarts++;
        failed(reason);
        onRestart.accept(reason, restarts);
        Duration delay = runtime.backoff().delay(restarts);
        log.add(OWN + reason + "; restart " + restarts + " in " + delay.toMillis() + " ms");
        runtime.scheduler().schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void failed(String reason) {
        if (backup) {
            return;
        }
        runtime.live()
                .updateTranscoder(
                        streamId, t -> new TranscoderStatus(false, 0, 0, t.frames(), restarts, startedAt, reason));
        runtime.live().moveTo(streamId, StreamState.ERROR);
    }

    /** What ffmpeg itself said last in this run: the words that explain its end. */
    private String lastLogLine() {
        List<String> lines = log.linesOfThisRun();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).startsWith(OWN)) {
                return ": " + lines.get(i);
            }
        }
        return "";
    }

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
            running.stop(Duration.ofSeconds(5));
        }
    }
}
