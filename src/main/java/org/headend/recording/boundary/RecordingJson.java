package org.headend.recording.boundary;

import java.time.Instant;
import org.headend.recording.entity.Recording;
import org.headend.recording.entity.RecordingState;

/**
 * A recording as the API shows it. While it records, its size is what its segments hold so far
 * and its duration the time since it started; once READY, the duration is the MP4's own.
 */
public record RecordingJson(
        String id,
        String streamId,
        String streamName,
        RecordingState state,
        String trigger,
        Instant startedAt,
        Instant endedAt,
        double durationSeconds,
        long sizeBytes,
        int restarts,
        String reason) {

    static RecordingJson of(Recording r, long bytesSoFar) {
        boolean recording = r.state() == RecordingState.RECORDING;
        long millis = r.durationMillis();
        if (recording) {
            millis = Instant.now().toEpochMilli() - r.startedAt().toEpochMilli();
        } else if (millis == 0 && r.endedAt() != null) {
            // Not measured (yet): FINALIZING, or FAILED without a file; the wall-clock span stands in.
            millis = r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli();
        }
        return new RecordingJson(
                r.id(),
                r.streamId(),
                r.streamName(),
                r.state(),
                r.trigger(),
                r.startedAt(),
                r.endedAt(),
                millis / 1000.0,
                recording ? bytesSoFar : r.sizeBytes(),
                r.restarts(),
                r.reason());
    }
}
