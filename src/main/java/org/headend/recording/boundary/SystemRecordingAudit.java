package org.headend.recording.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.headend.audit.control.Audit;
import org.headend.audit.entity.Actor;
import org.headend.recording.entity.RecordingFollowedStream;

/**
 * Puts the recordings that follow their stream in the audit trail, under the same actions as an
 * operator's ({@code recording.start}, {@code recording.stop}) but as "system": the supervisor
 * fires these events on its own executor threads, outside any HTTP request.
 */
@ApplicationScoped
public class SystemRecordingAudit {

    @Inject
    Audit audit;

    void onFollowed(@Observes RecordingFollowedStream followed) {
        boolean started = followed.change() == RecordingFollowedStream.Change.STARTED;
        audit.record(
                Actor.SYSTEM,
                started ? "recording.start" : "recording.stop",
                "recording",
                followed.recordingId(),
                "stream=" + followed.streamName() + (started ? "; the stream went live" : "; the stream ended"));
    }
}
