package org.headend.recording.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.platform.process.SupervisedProcess;
import org.headend.recording.entity.RecordingRestarted;

/**
 * The ffmpeg copying one live stream into a recording's segments, kept running by the process
 * supervisor: if it dies while the stream is still live, or stops making progress (hung on a stuck
 * input, frozen) for the stall timeout and is killed, it is started again after a backoff, writing
 * a new run of segments into the same recording; each such restart is reported. Once the stream has
 * gone, its end is reported so the recording can be finalised.
 */
final class SegmentRecorder implements ProcessListener {

    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String inputUrl;
    private final Path dir;
    private final String ffmpeg;
    private final int segmentSeconds;
    private final BooleanSupplier streamLive;
    private final Runnable onEnded;
    private final Consumer<String> onRestarted;
    private final SupervisedProcess process;

    private int runsStarted;
    private long lastOutTimeMicros;
    private boolean launchedThisRun;

    /** The parts a recording's ffmpeg is made of: where it reads, where it writes, how it segments. */
    record Target(String recordingId, String streamId, String inputUrl, Path dir) {}

    SegmentRecorder(
            ProcessSupervisor processes,
            Target target,
            String ffmpeg,
            int segmentSeconds,
            Duration stallTimeout,
            BooleanSupplier streamLive,
            Runnable onEnded,
            Consumer<String> onRestarted) {
        this.inputUrl = target.inputUrl();
        this.dir = target.dir();
        this.ffmpeg = ffmpeg;
        this.segmentSeconds = segmentSeconds;
        this.streamLive = streamLive;
        this.onEnded = onEnded;
        this.onRestarted = onRestarted;
        var spec = ProcessSpec.of(
                        "rec-" + target.recordingId(),
                        RecordingCommands.segments(ffmpeg, inputUrl, dir, 0, segmentSeconds))
                .withRestart(RestartPolicy.always(BACKOFF))
                .withWatch(ProgressWatch.PROGRESS_BLOCKS, stallTimeout)
                // SIGTERM, so ffmpeg closes its last segment properly.
                .withStopGrace(STOP_GRACE)
                .partOf(target.streamId(), ProcessRoles.RECORDING);
        this.process = processes.supervise(spec, this);
    }

    void start() {
        process.start();
    }

    /** Each run writes segments of its own, numbered after the runs already in the folder. */
    @Override
    public List<String> commandForRun(List<String> specCommand) {
        return RecordingCommands.segments(ffmpeg, inputUrl, dir, nextRun(), segmentSeconds);
    }

    private synchronized int nextRun() {
        int fromFolder;
        try (Stream<Path> files = Files.list(dir)) {
            fromFolder = (int) files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("part-") && n.length() > 10)
                    .mapToInt(n -> Integer.parseInt(n.substring(5, 9)) + 1)
                    .max()
                    .orElse(0);
        } catch (IOException | NumberFormatException e) {
            fromFolder = runsStarted;
        }
        runsStarted = Math.max(runsStarted, fromFolder) + 1;
        return fromFolder;
    }

    @Override
    public synchronized void started(LaunchedProcess run) {
        lastOutTimeMicros = 0;
        launchedThisRun = true;
    }

    /** Copying advances the output's timestamps; a frozen or hung ffmpeg stops moving them. */
    @Override
    public synchronized boolean progress(Progress progress) {
        if (progress.outTimeMicros() > lastOutTimeMicros) {
            lastOutTimeMicros = progress.outTimeMicros();
            return true;
        }
        return false;
    }

    /**
     * The supervisor restarts it after its backoff; a stream that is gone ends the recording
     * instead. A restart is reported only for an ffmpeg that ran, not for one that could not start.
     */
    @Override
    public void ended(String reason, boolean stalled) {
        if (!streamLive.getAsBoolean()) {
            process.stop();
            onEnded.run();
            return;
        }
        boolean ran;
        synchronized (this) {
            ran = launchedThisRun;
            launchedThisRun = false;
        }
        if (ran) {
            onRestarted.accept(stalled ? RecordingRestarted.STALLED : RecordingRestarted.EXITED);
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

    /** Ends ffmpeg with SIGTERM, so it closes its last segment properly, and starts it no more. */
    void stop() {
        process.stop();
    }
}
