package org.headend.transcode.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.ProcessRoles;
import org.headend.stream.control.LiveStreams;
import org.headend.worker.control.NoHostFits;

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
    Packagers packagers;

    @Inject
    ThumbnailSettings thumbnails;

    private final Map<String, PackagingJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Transcoder> running = new ConcurrentHashMap<>();
    private final Map<String, Transcoder> backups = new ConcurrentHashMap<>();
    private final Map<String, ThumbnailSource> thumbnailSources = new ConcurrentHashMap<>();
    private final StreamLocks locks = new StreamLocks();

    /** Created with the application, so bad settings stop the start rather than the first publish. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        packagers.checkSettings();
    }

    /** The folder of a redundant stream's backup packager, below the stream's HLS folder. */
    public static final String BACKUP_DIR = "packager-backup";

    /**
     * Starts packaging the stream into HLS below the HLS root, each packager on the host placement
     * gives it. A redundant stream gets a second, independent packager (the backup) writing the
     * same ladder into {@link #BACKUP_DIR}, on another host where one fits, so that the loss of one
     * leaves the other.
     *
     * @throws org.headend.worker.control.NoHostFits when no host can run the ladder
     */
    public void start(PackagingJob job) {
        locks.run(job.streamId(), () -> startNow(job));
    }

    private void startNow(PackagingJob job) {
        String streamId = job.streamId();
        var plan = RenditionPlan.of(job.ladder(), job.input());
        live.updateRenditions(streamId, plan.statuses());
        jobs.put(streamId, job);
        thumbnails.forget(streamId);
        stopPackagers(streamId);
        HlsFolder target = prepareOutput(hlsDir(job.name()), plan.variantNames());
        Transcoder primary = packagers.make(job, plan, false, target, null, false);
        running.put(streamId, primary);
        thumbnailFrom(job, plan, primary);
        LOG.info(() -> "Transcoding stream " + job.name() + " with ladder "
                + job.ladder().name() + " into " + plan.variantNames() + " on " + primary.host());
        primary.start();
        if (job.redundant()) {
            HlsFolder backupTarget = prepareOutput(hlsDir(job.name()).resolve(BACKUP_DIR), plan.variantNames());
            Transcoder backup = packagers.make(job, plan, true, backupTarget, primary.host(), false);
            backups.put(streamId, backup);
            LOG.info(() -> "Backup packager of stream " + job.name() + " started on " + backup.host());
            backup.start();
        }
    }

    /**
     * The input is now known (a transcoder may have been started on a guess, to catch the
     * publisher's first keyframe): keeps the running packagers when they already do what this input
     * needs, else starts them again with the right plan.
     */
    public void adapt(PackagingJob job) {
        var plan = RenditionPlan.of(job.ladder(), job.input());
        locks.run(job.streamId(), () -> {
            Transcoder current = running.get(job.streamId());
            if (current != null
                    && job.redundant() == backups.containsKey(job.streamId())
                    && current.command()
                            .equals(packagers.command(plan, job.input(), current.placed(), current.thumbnail()))) {
                jobs.put(job.streamId(), job);
                live.updateRenditions(job.streamId(), plan.statuses());
                return;
            }
            if (current != null) {
                LOG.info(
                        () -> "The input of stream " + job.name() + " needs another plan; its transcoder starts again");
            }
            // Stopped first, so nothing of the old plan is written into the emptied folder.
            stopNow(job.streamId());
            startNow(job);
        });
    }

    /**
     * Moves the packagers running on {@code host} (a worker lost or drained) to other hosts; they
     * carry on writing into the same folders, so players keep their playlists.
     */
    public void moveOff(String host) {
        for (String streamId : List.copyOf(jobs.keySet())) {
            locks.run(streamId, () -> {
                relaunchIf(streamId, false, t -> t.host().equals(host));
                relaunchIf(streamId, true, t -> t.host().equals(host));
            });
        }
    }

    /** An operator pinned a live stream to a worker: its primary packager moves there now. */
    public void pin(String streamId, String worker) {
        locks.run(streamId, () -> {
            PackagingJob job = jobs.get(streamId);
            if (job == null) {
                return;
            }
            jobs.put(streamId, job.pinnedTo(worker));
            if (worker != null) {
                relaunchIf(streamId, false, t -> !t.host().equals(worker));
            }
        });
    }

    private void relaunchIf(String streamId, boolean backup, Predicate<Transcoder> when) {
        Map<String, Transcoder> ofRole = backup ? backups : running;
        Transcoder old = ofRole.get(streamId);
        PackagingJob job = jobs.get(streamId);
        if (old == null || job == null || !when.test(old)) {
            return;
        }
        Transcoder other = (backup ? running : backups).get(streamId);
        var plan = RenditionPlan.of(job.ladder(), job.input());
        Transcoder fresh;
        try {
            fresh = packagers.make(job, plan, backup, old.target(), other == null ? null : other.host(), true);
        } catch (NoHostFits e) {
            LOG.warning(() -> "The " + (backup ? "backup " : "") + "packager of stream " + job.name()
                    + " cannot move off " + old.host() + ": " + e.getMessage());
            return;
        }
        ofRole.put(streamId, fresh);
        if (!backup) {
            thumbnailFrom(job, plan, fresh);
        }
        LOG.info(() -> "The " + (backup ? "backup " : "") + "packager of stream " + job.name() + " moves from "
                + old.host() + " to " + fresh.host());
        fresh.start();
        old.stop();
    }

    /** A remote packager writes no thumbnail (nor does a passthrough one): this node grabs it. */
    private void thumbnailFrom(PackagingJob job, RenditionPlan plan, Transcoder primary) {
        thumbnailSources.put(
                job.streamId(), new ThumbnailSource(plan.passthrough() || primary.thumbnail() == null, job.inputUrl()));
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
        PackagingJob job = jobs.remove(streamId);
        stopPackagers(streamId);
        if (job != null) {
            packagers.release(job.name(), ProcessRoles.PACKAGER);
            packagers.release(job.name(), ProcessRoles.BACKUP_PACKAGER);
        }
        thumbnails.forget(streamId);
    }

    private void stopPackagers(String streamId) {
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
