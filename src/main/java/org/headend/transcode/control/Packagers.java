package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.TranscoderRestarted;
import org.headend.transcode.entity.PackagerExited;

/**
 * Makes the packagers of a stream: each given its host, its ffmpeg command for that host (read
 * from and written to this node, locally or over the network) and its supervision (restart with
 * backoff, killed when it stalls), ready to start.
 */
@ApplicationScoped
public class Packagers {

    @Inject
    Event<TranscoderRestarted> restarted;

    @Inject
    Event<PackagerExited> packagerExited;

    @Inject
    MediaTools tools;

    @Inject
    ProcessSupervisor supervisor;

    @Inject
    @ConfigProperty(name = "headend.hls.segment-seconds", defaultValue = "2")
    int segmentSeconds;

    @Inject
    @ConfigProperty(name = "headend.hls.list-size", defaultValue = "6")
    int listSize;

    @Inject
    @ConfigProperty(name = "headend.transcoder.restart.initial", defaultValue = "PT1S")
    Duration restartInitial;

    @Inject
    @ConfigProperty(name = "headend.transcoder.restart.max", defaultValue = "PT30S")
    Duration restartMax;

    @Inject
    @ConfigProperty(name = "headend.transcoder.stall-timeout", defaultValue = "PT15S")
    Duration stallTimeout;

    @Inject
    ThumbnailSettings thumbnails;

    @Inject
    LiveStreams live;

    @Inject
    PackagerPlacer placer;

    @Inject
    @ConfigProperty(name = "headend.workers.ffmpeg", defaultValue = "ffmpeg")
    String workerFfmpeg;

    /** Refuses HLS settings ffmpeg would reject. */
    void checkSettings() {
        if (segmentSeconds < 1 || segmentSeconds > 10) {
            throw new IllegalStateException("headend.hls.segment-seconds must be 1 to 10, not " + segmentSeconds);
        }
        if (listSize < 3 || listSize > 60) {
            throw new IllegalStateException("headend.hls.list-size must be 3 to 60, not " + listSize);
        }
        thumbnails.check();
    }

    /** Starts nothing yet: the packager's host, command and supervision, ready to start. */
    Transcoder make(
            PackagingJob job, RenditionPlan plan, boolean backup, HlsFolder target, String avoid, boolean moved) {
        String streamId = job.streamId();
        String role = backup ? ProcessRoles.BACKUP_PACKAGER : ProcessRoles.PACKAGER;
        PlacedPackager placed = placer.place(job, plan, role, target.dir(), avoid, moved);
        // A remote packager writes no thumbnail: the node grabs its own from the stream. Two
        // local packagers never write the same file.
        ThumbnailOutput thumbnail = !placed.where().local()
                ? null
                : backup ? thumbnails.output(streamId).forBackup() : thumbnails.output(streamId);
        var spec = spec(
                        "ffmpeg-" + job.name() + (backup ? "-backup" : ""),
                        command(plan, job.input(), placed, thumbnail))
                .partOf(streamId, role);
        return new Transcoder(
                streamId,
                spec,
                target,
                live,
                supervisor,
                placed,
                thumbnail,
                (reason, count) -> {
                    packagerExited.fire(new PackagerExited(streamId, job.name(), backup));
                    if (!backup) {
                        restarted.fire(new TranscoderRestarted(streamId, job.name(), count, reason));
                    }
                },
                backup);
    }

    /**
     * How a packager runs: restarted after a backoff that a minute of progress resets, and killed
     * after the stall timeout without a progress block.
     */
    private ProcessSpec spec(String label, List<String> command) {
        return ProcessSpec.of(label, command)
                .withRestart(new RestartPolicy(
                        new Backoff(restartInitial, restartMax), RestartPolicy.DEFAULT_HEALTHY_RUN, 0))
                .withWatch(ProgressWatch.PROGRESS_BLOCKS, stallTimeout)
                .withExplainer((code, lines) -> "ffmpeg " + ProcessSpec.lastWords(code, lines));
    }

    List<String> command(RenditionPlan plan, InputInfo input, PlacedPackager placed, ThumbnailOutput thumbnail) {
        return FfmpegCommand.build(
                placed.where().local() ? tools.ffmpeg() : workerFfmpeg,
                placed.inputUrl(),
                plan,
                input,
                new HlsSettings(segmentSeconds, listSize),
                placed.output(),
                thumbnail,
                placed.encoders());
    }

    void release(String name, String role) {
        placer.release(name, role);
    }
}
