package org.headend.recording.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.recording.entity.RecordingFinished;

/**
 * Ends a recording: marks it FINALIZING, joins its segments into the MP4, records it READY or
 * FAILED with the reason, and announces it with {@link RecordingFinished}. Each recording is
 * finalised once at a time, however many doors (stop, stream offline, restart) ask for it.
 */
@ApplicationScoped
public class RecordingFinisher {

    private static final Logger LOG = Logger.getLogger(RecordingFinisher.class.getName());

    @Inject
    RecordingStore store;

    @Inject
    HeadendHome home;

    @Inject
    Event<RecordingFinished> finished;

    @Inject
    ProcessSupervisor processes;

    @Inject
    MediaTools tools;

    private final Set<String> finalizing = ConcurrentHashMap.newKeySet();

    /** Marks the recording FINALIZING, ended now; false when it is already being finalised. */
    boolean claim(String recordingId) {
        return claim(recordingId, Instant.now());
    }

    /** Marks the recording FINALIZING, ended at the given instant; false when it is already being finalised. */
    boolean claim(String recordingId, Instant ended) {
        if (!finalizing.add(recordingId)) {
            return false;
        }
        store.finalizing(recordingId, ended);
        return true;
    }

    /** When a recording's folder was last written to: for one cut by a crash, when it ended. */
    Optional<Instant> lastWrite(String recordingId) {
        try (Stream<Path> files = Files.list(folder(recordingId))) {
            return files.map(p -> p.toFile().lastModified()).max(Long::compare).map(Instant::ofEpochMilli);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public boolean isFinalizing(String recordingId) {
        return finalizing.contains(recordingId);
    }

    /** Finalises a claimed recording; slow (ffmpeg joins the segments): call it off request threads. */
    void finalise(String recordingId) {
        try {
            var outcome = new Mp4Finalizer(processes, tools).finalise(recordingId, folder(recordingId));
            var done = outcome.ready()
                    ? store.ready(
                            recordingId,
                            "recordings/" + recordingId + "/" + RecordingCommands.MP4,
                            outcome.bytes(),
                            outcome.millis())
                    : store.failed(recordingId, outcome.reason());
            done.ifPresent(r -> {
                LOG.info(() -> "Recording " + recordingId + " of " + r.streamName() + " is " + r.state()
                        + (r.reason() == null ? "" : ": " + r.reason()));
                finished.fire(new RecordingFinished(
                        r.id(),
                        r.streamId(),
                        r.streamName(),
                        r.state().name(),
                        r.durationMillis(),
                        r.sizeBytes(),
                        Instant.now()));
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot finalise recording " + recordingId + ": " + e);
            store.failed(recordingId, "cannot finalise: " + e.getMessage());
        } finally {
            finalizing.remove(recordingId);
        }
    }

    public Path folder(String recordingId) {
        return home.root().resolve("recordings").resolve(recordingId);
    }
}
