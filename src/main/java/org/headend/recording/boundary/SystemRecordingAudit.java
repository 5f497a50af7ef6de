package org.headend.recording.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.headend.audit.boundary.Audit;
import org.headend.recording.entity.RecordingFollowedStream;

/**
 * Puts the recordings that follow their stream in the audit trail, under the same actions as an
 * operator's ({@code recording.start}, {@code recording.stop}) but as "system". The supervisor
 * fires these events on its own executor threads, outside any HTTP request, so the request scope
 * the audit lives in is opened here for the one entry.
 */
@ApplicationScoped
public class SystemRecordingAudit {

    @Inject
    Audit audit;

    @ActivateRequestContext
    void onFollowed(@Observes RecordingFollowedStream followed) {
        audit.actAsSystem();
        boolean started = followed.change() == RecordingFollowedStream.Change.STARTED;
        audit.record(
                started ? "recording.start" : "recording.stop",
                "recording",
                followed.recordingId(),
                "stream=" + followed.streamName() + (started ? "; the stream went live" : "; the stream ended"));
    }
}
