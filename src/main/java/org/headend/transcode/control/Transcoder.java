package org.headend.transcode.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;
import java.util.logging.Logger;
import org.headend.platform.process.ChildProcess;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.TranscoderStatus;

/**
 * The ffmpeg process of one live stream, kept running while the publisher is live: when it dies it
 * is started again after a backoff, and the stream turns LIVE once every rendition has a segment.
 */
final class Transcoder {

    private static final Logger LOG = Logger.getLogger(Transcoder.class.getName());
    private static final int LOG_LINES = 200;
    private static final Duration HEALTHY_RUN = Duration.ofSeconds(60);

    private final String streamId;
    private final String name;
    private final List<String> command;
    private final Path outputDir;
    private final List<String> variants;
    private final LiveStreams live;
    private final Path runDir;
    private final ThreadFactory threads;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final ObjIntConsumer<String> onRestart;
    private final Deque<String> log = new ArrayDeque<>();

    private volatile ChildProcess process;
    private volatile boolean stopping;
    private volatile Instant startedAt;
    private int restarts;

    Transcoder(String streamId, String name, List<String> command, Path outputDir, List<String> variants,
            LiveStreams live, Path runDir, ThreadFactory threads, ScheduledExecutorService scheduler, Backoff backoff,
            ObjIntConsumer<String> onRestart) {
        this.streamId = streamId;
        this.name = name;
        this.command = command;
        this.outputDir = outputDir;
        this.variants = variants;
        this.live = live;
        this.runDir = runDir;
        this.threads = threads;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.onRestart = onRestart;
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        var parser = new ProgressParser();
        try {
            startedAt = Instant.now();
            process = ChildProcess.start("ffmpeg-" + name, command, runDir, threads,
                    line -> parser.accept(line).ifPresent(this::onProgress), this::onLogLine);
            live.updateTranscoder(streamId, t -> new TranscoderStatus(true, 0, 0, 0, restarts, startedAt, t.lastError()));
            process.onExit().thenAccept(this::onExit);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot start ffmpeg for stream " + name + ": " + e.getMessage());
            failed("cannot start ffmpeg: " + e.getMessage());
        }
    }

    private void onProgress(Progress progress) {
        live.updateTranscoder(streamId, t -> new TranscoderStatus(true, progress.speed(), progress.fps(),
                progress.frames(), restarts, startedAt, t.lastError()));
        live.live(streamId).filter(s -> s.state() != StreamState.LIVE).ifPresent(s -> {
            if (playable()) {
                live.moveTo(streamId, StreamState.LIVE);
            }
        });
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

    private void onLogLine(String line) {
        synchronized (log) {
            if (log.size() == LOG_LINES) {
                log.removeFirst();
            }
            log.addLast(line);
        }
    }

    List<String> lastLogLines() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private synchronized void onExit(int exitCode) {
        if (stopping) {
            return;
        }
        String reason = "ffmpeg exited with code " + exitCode + lastErrorLine();
        LOG.warning(() -> "Transcoder of stream " + name + " stopped: " + reason);
        if (Duration.between(startedAt, Instant.now()).compareTo(HEALTHY_RUN) > 0) {
            restarts = 0;
        }
        restarts++;
        failed(reason);
        Duration delay = backoff.delay(restarts);
        onRestart.accept(reason, restarts);
        scheduler.schedule(this::start, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void failed(String reason) {
        live.updateTranscoder(streamId, t -> new TranscoderStatus(false, 0, 0, t.frames(), restarts, startedAt, reason));
        live.moveTo(streamId, StreamState.ERROR);
    }

    private String lastErrorLine() {
        List<String> lines = lastLogLines();
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
    }

    int restarts() {
        return restarts;
    }

    void stop() {
        ChildProcess running;
        synchronized (this) {
            stopping = true;
            running = process;
        }
        if (running != null) {
            running.stop(Duration.ofSeconds(5));
        }
    }
}
