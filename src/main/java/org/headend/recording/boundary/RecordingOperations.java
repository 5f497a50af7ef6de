package org.headend.recording.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.platform.Page;
import org.headend.platform.Paging;
import org.headend.recording.control.RecordingStore;
import org.headend.recording.control.RecordingSupervisor;
import org.headend.recording.entity.Recording;
import org.headend.recording.entity.RecordingState;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;

/**
 * What an operator can do with recordings, for the API and the console alike: the same refusals
 * (as {@link ApiException}s) and the same audit entries whichever door the request came through.
 */
@RequestScoped
@Transactional
public class RecordingOperations {

    @Inject
    RecordingStore store;

    @Inject
    RecordingSupervisor supervisor;

    @Inject
    StreamStore streams;

    @Inject
    LiveStreams live;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    /**
     * Outside any transaction: the supervisor saves the recording and starts its segmenter in one
     * go, and the segmenter must find the row committed.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Recording start(String streamId) {
        Stream stream = streams.find(streamId)
                .orElseThrow(() -> ApiException.notFound("No stream with id '" + streamId + "'."));
        if (live.live(streamId).isEmpty()) {
            throw ApiException.conflict("The stream '" + stream.name() + "' is offline; nothing to record.");
        }
        Recording started = supervisor
                .start(streamId, stream.name(), Recording.TRIGGER_MANUAL)
                .orElseThrow(() -> ApiException.conflict("The stream '" + stream.name() + "' is already recording."));
        audit.record(actors.current(), "recording.start", "recording", started.id(), "stream=" + stream.name());
        return started;
    }

    public Recording stop(String id) {
        Recording recording = existing(id);
        if (!supervisor.stop(id)) {
            throw ApiException.conflict("The recording is " + recording.state() + ", not recording.");
        }
        audit.record(actors.current(), "recording.stop", "recording", id, "stream=" + recording.streamName());
        return existing(id);
    }

    /** Deletes the recording and its files, stopping it first if it is still recording. */
    public void delete(String id) {
        Recording recording = existing(id);
        if (supervisor.isFinalizing(id)) {
            throw ApiException.conflict("The recording is being finalised; delete it once it is READY or FAILED.");
        }
        supervisor.discard(id);
        store.delete(id);
        deleteTree(supervisor.folder(id));
        audit.record(actors.current(), "recording.delete", "recording", id, "stream=" + recording.streamName());
    }

    public Recording existing(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("No recording with id '" + id + "'."));
    }

    public RecordingJson view(Recording recording) {
        return RecordingJson.of(recording, supervisor.bytesSoFar(recording.id()));
    }

    public Page<RecordingJson> page(String streamId, Paging paging) {
        String stream = streamId == null || streamId.isBlank() ? null : streamId;
        return new Page<>(
                store.page(stream, paging).stream().map(this::view).toList(),
                paging.page(),
                paging.size(),
                store.count(stream));
    }

    /** The MP4 of a READY recording. */
    public Path file(String id) {
        Recording recording = existing(id);
        if (recording.state() != RecordingState.READY) {
            throw ApiException.conflict("The recording is " + recording.state() + "; its file exists once READY.");
        }
        Path file = supervisor.file(recording);
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("The file of this recording is missing.");
        }
        return file;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
