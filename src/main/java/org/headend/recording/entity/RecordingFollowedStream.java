package org.headend.recording.entity;

/**
 * Fired when a recording starts because its stream (recorded "always") went live, or stops because
 * its stream ended: no operator asked, so the audit trail records it as done by "system".
 */
public record RecordingFollowedStream(Change change, String recordingId, String streamName) {

    public enum Change {
        STARTED,
        STOPPED
    }
}
