package org.headend.transcode.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;
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
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.PackagerExited;

/**
 * Owns one ffmpeg transcoder per live stream: starts it when ingest says the publisher is there,
 * stops it when the publisher leaves, and stops every one of them when the application stops.
 * It also knows where each live stream's thumbnail comes from.
 */
@ApplicationScoped
public class TranscoderSupervisor {

    private static final Logger LOG = Logger.getLogger(TranscoderSupervisor.class.getName());

    @Inject
    LiveStreams live;

    @Inject
    HeadendHome home;

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

    private final Map<String, Transcoder> running = new ConcurrentHashMap<>();
    private final Map<String, Transcoder> backups = new ConcurrentHashMap<>();
    private final Map<String, ThumbnailSource> thumbnailSources = new ConcurrentHashMap<>();
    private final StreamLocks locks = new StreamLocks();

    /** Created with the application, so bad settings stop the start rather than the first publish. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Creating the bean runs checkSettings().
    }

    /** Refuses HLS settings ffmpeg would reject. */
    @PostConstruct
    void checkSettings() {
        if (segmentSeconds < 1 || segmentSeconds > 10) {
            throw new IllegalStateException("headend.hls.segment-seconds must be 1 to 10, not " + segmentSeconds);
        }
        if (listSize < 3 || listSize > 60) {
            throw new IllegalStateException("headend.hls.list-size must be 3 to 60, not " + listSize);
        }
        thumbnails.check();
    }

    /** The folder of a redundant stream's backup packager, below the stream's HLS folder. */
    public static final String BACKUP_DIR = "packager-backup";

    /**
     * Starts transcoding the stream, read from {@code inputUrl}, into HLS below the HLS root. A
     * {@code redundant} stream gets a second, independent packager (the backup) writing the same
     * ladder into {@link #BACKUP_DIR}, so that the death of one leaves the other.
     */
    public void start(
            String streamId, String name, Ladder ladder, InputInfo input, String inputUrl, boolean redundant) {
        locks.run(streamId, () -> startNow(streamId, name, ladder, input, inputUrl, redundant));
    }

    private void startNow(
            String streamId, String name, Ladder ladder, InputInfo input, String inputUrl, boolean redundant) {
        var plan = RenditionPlan.of(ladder, input);
        live.updateRenditions(streamId, plan.statuses());
        HlsFolder target = prepareOutput(hlsDir(name), plan.variantNames());
        thumbnails.forget(streamId);
        List<String> command = command(plan, input, inputUrl, target.dir(), thumbnails.output(streamId));
        var transcoder = new Transcoder(
                streamId,
                spec("ffmpeg-" + name, command).partOf(streamId, ProcessRoles.PACKAGER),
                target,
                live,
                supervisor,
                (reason, count) -> {
                    packagerExited.fire(new PackagerExited(streamId, name, false));
                    restarted.fire(new TranscoderRestarted(streamId, name, count, reason));
                },
                false);
        thumbnailSources.put(streamId, new ThumbnailSource(plan.passthrough(), inputUrl));
        Transcoder previous = running.put(streamId, transcoder);
        if (previous != null) {
            previous.stop();
        }
        LOG.info(() -> "Transcoding stream " + name + " with ladder " + ladder.name() + " into " + plan.variantNames());
        transcoder.start();
        Transcoder previousBackup = backups.remove(streamId);
        if (previousBackup != null) {
            previousBackup.stop();
        }
        if (redundant) {
            startBackup(streamId, name, plan, input, inputUrl);
        }
    }

    /**
     * The input is now known (a transcoder may have been started on a guess, to catch the
     * publisher's first keyframe): keeps the running packagers when they already do what this input
     * needs, else starts them again with the right plan.
     */
    public void adapt(
            String streamId, String name, Ladder ladder, InputInfo input, String inputUrl, boolean redundant) {
        var plan = RenditionPlan.of(ladder, input);
        locks.run(streamId, () -> {
            Transcoder current = running.get(streamId);
            if (current != null
                    && redundant == backups.containsKey(streamId)
                    && current.command()
                            .equals(command(plan, input, inputUrl, hlsDir(name), thumbnails.output(streamId)))) {
                live.updateRenditions(streamId, plan.statuses());
                return;
            }
            if (current != null) {
                LOG.info(() -> "The input of stream " + name + " needs another plan; its transcoder starts again");
            }
            // Stopped first, so nothing of the old plan is written into the emptied folder.
            stopNow(streamId);
            startNow(streamId, name, ladder, input, inputUrl, redundant);
        });
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

    private List<String> command(
            RenditionPlan plan, InputInfo input, String inputUrl, Path outputDir, ThumbnailOutput thumbnail) {
        return FfmpegCommand.build(
                tools.ffmpeg(),
                inputUrl,
                plan,
                input,
                new HlsSettings(segmentSeconds, listSize),
                outputDir.toString(),
                thumbnail,
                HostEncoders.x264Only());
    }

    private void startBackup(String streamId, String name, RenditionPlan plan, InputInfo input, String inputUrl) {
        HlsFolder target = prepareOutput(hlsDir(name).resolve(BACKUP_DIR), plan.variantNames());
        // Its own thumbnail file: two processes must never write the same one.
        ThumbnailOutput thumbnail = thumbnails.output(streamId).forBackup();
        List<String> command = command(plan, input, inputUrl, target.dir(), thumbnail);
        var backup = new Transcoder(
                streamId,
                spec("ffmpeg-" + name + "-backup", command).partOf(streamId, ProcessRoles.BACKUP_PACKAGER),
                target,
                live,
                supervisor,
                (reason, count) -> packagerExited.fire(new PackagerExited(streamId, name, true)),
                true);
        backups.put(streamId, backup);
        LOG.info(() -> "Backup packager of stream " + name + " started");
        backup.start();
    }

    /** The packagers of a live stream: the primary, then the backup of a redundant stream. */
    public List<Packager> packagers(String streamId) {
        List<Packager> packagers = new java.util.ArrayList<>();
        for (Transcoder t : new Transcoder[] {running.get(streamId), backups.get(streamId)}) {
            if (t != null) {
                packagers.add(t.packager());
            }
        }
        return packagers;
    }

    /** Streams running a backup packager now. */
    public java.util.Set<String> redundantStreams() {
        return java.util.Set.copyOf(backups.keySet());
    }

    public void stop(String streamId) {
        locks.run(streamId, () -> stopNow(streamId));
    }

    private void stopNow(String streamId) {
        thumbnailSources.remove(streamId);
        Transcoder backup = backups.remove(streamId);
        if (backup != null) {
            backup.stop();
            Path thumbnail = thumbnails.output(streamId).forBackup().file();
            try {
                Files.deleteIfExists(thumbnail);
            } catch (IOException e) {
                LOG.fine(() -> "Cannot delete " + thumbnail + ": " + e);
            }
        }
        Transcoder transcoder = running.remove(streamId);
        if (transcoder != null) {
            transcoder.stop();
        }
        thumbnails.forget(streamId);
    }

    /** Empty while the stream has no transcoder. */
    public Optional<ThumbnailSource> thumbnailSource(String streamId) {
        return Optional.ofNullable(thumbnailSources.get(streamId));
    }

    public boolean isRunning(String streamId) {
        return running.containsKey(streamId);
    }

    public Optional<List<String>> log(String streamId) {
        return Optional.ofNullable(running.get(streamId)).map(Transcoder::lastLogLines);
    }

    /** The HLS folder of a stream, emptied of an earlier session's files. */
    public Path hlsDir(String name) {
        return home.dir("hls").resolve(name);
    }

    public void removeOutput(String name) {
        HlsFolder.delete(hlsDir(name));
    }

    private static HlsFolder prepareOutput(Path dir, List<String> variants) {
        var folder = new HlsFolder(dir, variants);
        try {
            folder.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the HLS folder " + dir, e);
        }
        return folder;
    }

    /** Stops every transcoder, in parallel: each may take its grace period to end. */
    @PreDestroy
    void stopAll() {
        List.copyOf(running.keySet()).parallelStream().forEach(this::stop);
    }
}
