package org.headend.transcode.control;

import java.util.List;
import java.util.function.ObjIntConsumer;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessSnapshot;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.Progress;
import org.headend.platform.process.SupervisedProcess;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.TranscoderStatus;

/**
 * The packager ffmpeg of one live stream, kept running by a {@link SupervisedProcess} while the
 * publisher is live. This class gives the process its meaning for the stream: the primary's
 * figures become the stream's {@link TranscoderStatus}, the stream turns LIVE once its target
 * plays and ERROR when ffmpeg ends; a backup only has to keep writing.
 */
final class Transcoder implements ProcessListener {

    private final String streamId;
    private final HlsFolder target;
    private final PlacedPackager placed;
    private final ThumbnailOutput thumbnail;
    private final LiveStreams live;
    private final ObjIntConsumer<String> onRestart;
    private final boolean backup;
    private final SupervisedProcess process;

    /** {@code spec} says how ffmpeg runs; {@code onRestart} hears why it ended and the failures in a row. */
    Transcoder(
            String streamId,
            ProcessSpec spec,
            HlsFolder target,
            LiveStreams live,
            ProcessSupervisor supervisor,
            PlacedPackager placed,
            ThumbnailOutput thumbnail,
            ObjIntConsumer<String> onRestart,
            boolean backup) {
        this.streamId = streamId;
        this.target = target;
        this.placed = placed;
        this.thumbnail = thumbnail;
        this.live = live;
        this.onRestart = onRestart;
        this.backup = backup;
        this.process = supervisor.supervise(spec, this, placed.where().launcher());
    }

    void start() {
        process.start();
    }

    void stop() {
        process.stop();
    }

    @Override
    public void started(LaunchedProcess run) {
        if (backup) {
            return;
        }
        ProcessSnapshot now = process.snapshot();
        live.updateTranscoder(
                streamId,
                t -> new TranscoderStatus(
                        true, 0, 0, 0, now.failuresInARow(), now.startedAt(), t.lastError(), now.host()));
    }

    @Override
    public boolean progress(Progress progress) {
        if (backup) {
            // The stream's status is the primary's: a backup only has to keep writing.
            return true;
        }
        ProcessSnapshot now = process.snapshot();
        live.updateTranscoder(
                streamId,
                t -> new TranscoderStatus(
                        true,
                        progress.speed(),
                        progress.fps(),
                        progress.frames(),
                        now.failuresInARow(),
                        now.startedAt(),
                        t.lastError(),
                        now.host()));
        live.live(streamId).filter(s -> s.state() != StreamState.LIVE).ifPresent(s -> {
            if (target.playable()) {
                process.note("every rendition has a segment; the stream plays");
                live.moveTo(streamId, StreamState.LIVE);
            }
        });
        return true;
    }

    @Override
    public void ended(String reason, boolean stalled) {
        ProcessSnapshot now = process.snapshot();
        if (!backup) {
            live.updateTranscoder(
                    streamId,
                    t -> new TranscoderStatus(
                            false, 0, 0, t.frames(), now.failuresInARow(), now.startedAt(), reason, now.host()));
            live.moveTo(streamId, StreamState.ERROR);
        }
        onRestart.accept(reason, now.failuresInARow());
    }

    boolean backup() {
        return backup;
    }

    List<String> command() {
        return process.spec().command();
    }

    HlsFolder target() {
        return target;
    }

    /** The host it runs on: {@code local} or a worker's name. */
    String host() {
        return placed.where().host();
    }

    PlacedPackager placed() {
        return placed;
    }

    ThumbnailOutput thumbnail() {
        return thumbnail;
    }

    Packager packager() {
        Long pid = process.running().map(LaunchedProcess::pid).orElse(null);
        return new Packager(backup, pid, target, process.sinceProgress());
    }

    List<String> lastLogLines() {
        return process.logLines();
    }
}
