package org.headend.recording.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.recording.entity.Recording;
import org.headend.recording.entity.RecordingFollowedStream;
import org.headend.recording.entity.RecordingRestarted;
import org.headend.recording.entity.RecordingState;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;

/**
 * Owns the recording ffmpegs: starts one per recording (on demand, or when a stream recorded
 * "always" goes live), stops them when their stream goes offline, finalises each into an MP4, and
 * finalises after a restart whatever a crash left unfinished.
 */
@ApplicationScoped
public class RecordingSupervisor {

    private static final Logger LOG = Logger.getLogger(RecordingSupervisor.class.getName());

    @Inject
    RecordingStore store;

    @Inject
    StreamStore streams;

    @Inject
    LiveStreams live;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    HeadendHome home;

    @Inject
    RecordingFinisher finisher;

    @Inject
    Event<RecordingFollowedStream> followed;

    @Inject
    ProcessSupervisor processes;

    @Inject
    MediaTools tools;

    @Inject
    @ConfigProperty(name = "headend.recording.segment-seconds", defaultValue = "2")
    int segmentSeconds;

    @Inject
    @ConfigProperty(name = "headend.recording.stall-timeout", defaultValue = "PT10S")
    Duration stallTimeout;

    @Inject
    Event<RecordingRestarted> restarted;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private record Active(String streamId, String streamName, SegmentRecorder recorder) {}

    private final Map<String, Active> running = new ConcurrentHashMap<>();

    /** Starts recording the stream; empty when it is already being recorded. */
    public synchronized Optional<Recording> start(String streamId, String streamName, String trigger) {
        if (recordingOf(streamId).isPresent()) {
            return Optional.empty();
        }
        Recording recording = store.create(streamId, streamName, trigger);
        String id = recording.id();
        // Off the process's own threads: finalising is slow, and counting a restart writes to the store.
        var recorder = new SegmentRecorder(
                processes,
                new SegmentRecorder.Target(
                        id, streamId, endpoints.internalPlayUrl(streamName), home.dir("recordings", id)),
                tools.ffmpeg(),
                Math.max(1, segmentSeconds),
                stallTimeout,
                () -> live.live(streamId).isPresent(),
                () -> scheduler.execute(() -> ended(id)),
                cause -> scheduler.execute(() -> restarted(id, streamName, cause)));
        running.put(id, new Active(streamId, streamName, recorder));
        LOG.info(() -> "Recording stream " + streamName + " (" + trigger + ") as " + id);
        recorder.start();
        return Optional.of(recording);
    }

    /** The running recording of a stream, if there is one. */
    public Optional<String> recordingOf(String streamId) {
        return running.entrySet().stream()
                .filter(e -> e.getValue().streamId().equals(streamId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public boolean isRunning(String recordingId) {
        return running.containsKey(recordingId);
    }

    public boolean isFinalizing(String recordingId) {
        return finisher.isFinalizing(recordingId);
    }

    public int active() {
        return running.size();
    }

    /** Bytes a running recording has written so far. */
    public long bytesSoFar(String recordingId) {
        Active active = running.get(recordingId);
        return active == null ? 0 : active.recorder().bytes();
    }

    /** Stops a running recording and finalises it in the background; false if it was not running. */
    public boolean stop(String recordingId) {
        Active active = running.remove(recordingId);
        if (active == null) {
            return false;
        }
        finisher.claim(recordingId);
        scheduler.execute(() -> {
            active.recorder().stop();
            finisher.finalise(recordingId);
        });
        return true;
    }

    /** Stops a running recording without finalising it, as before deleting it. */
    public void discard(String recordingId) {
        Active active = running.remove(recordingId);
        if (active != null) {
            active.recorder().stop();
        }
    }

    /** Its ffmpeg ended because the stream is gone (a step ahead of the stream's OFFLINE event). */
    private void ended(String recordingId) {
        Active active = running.remove(recordingId);
        if (active != null && finisher.claim(recordingId)) {
            announce(RecordingFollowedStream.Change.STOPPED, recordingId, active.streamName());
            finisher.finalise(recordingId);
        }
    }

    private void restarted(String recordingId, String streamName, String cause) {
        try {
            store.restarted(recordingId);
            restarted.fire(new RecordingRestarted(recordingId, streamName, cause));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot count the restart of recording " + recordingId + ": " + e);
        }
    }

    /** Finalises, in the background, every recording a crash left RECORDING or FINALIZING. */
    public void recover() {
        for (Recording r : store.inStates(List.of(RecordingState.RECORDING, RecordingState.FINALIZING))) {
            String id = r.id();
            if (!running.containsKey(id)
                    && finisher.claim(id, finisher.lastWrite(id).orElseGet(java.time.Instant::now))) {
                LOG.info(() -> "Finalising recording " + id + " of " + r.streamName() + ", left unfinished");
                scheduler.execute(() -> finisher.finalise(id));
            }
        }
    }

    public Path folder(String recordingId) {
        return finisher.folder(recordingId);
    }

    public Path file(Recording recording) {
        return home.root().resolve(recording.filePath()).normalize();
    }

    // Off the firing thread, so the follow-up (and its audit entry) never runs on a request thread.
    void onStateChange(@Observes StreamStateChanged change) {
        String streamId = change.streamId();
        if (change.to() == StreamState.OFFLINE) {
            scheduler.execute(() -> recordingOf(streamId)
                    .filter(this::stop)
                    .ifPresent(id -> announce(RecordingFollowedStream.Change.STOPPED, id, change.name())));
        } else if (change.to() == StreamState.LIVE) {
            scheduler.execute(() -> streams.find(streamId)
                    .filter(Stream::recordsAlways)
                    .flatMap(s -> start(s.id(), s.name(), Recording.TRIGGER_ALWAYS))
                    .ifPresent(r -> announce(RecordingFollowedStream.Change.STARTED, r.id(), r.streamName())));
        }
    }

    /** Whatever its observers (the audit) fail at, the recording itself carries on. */
    private void announce(RecordingFollowedStream.Change change, String recordingId, String streamName) {
        try {
            followed.fire(new RecordingFollowedStream(change, recordingId, streamName));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot announce that recording " + recordingId + " " + change + ": " + e);
        }
    }

    /**
     * Stops every recording ffmpeg, in parallel, leaving the recordings as they are: the next start
     * finalises them from their segments.
     */
    @PreDestroy
    void stopAll() {
        List.copyOf(running.values()).parallelStream().forEach(a -> a.recorder().stop());
        running.clear();
    }
}
