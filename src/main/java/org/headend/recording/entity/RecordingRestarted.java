package org.headend.recording.entity;

/**
 * Fired when a recording's ffmpeg is restarted while its stream is still live: it {@code exited}
 * on its own, or it {@code stalled} (no progress for the stall timeout) and was killed. Metrics
 * observe it.
 */
public record RecordingRestarted(String recordingId, String streamName, String cause) {

    public static final String EXITED = "exited";
    public static final String STALLED = "stalled";
}
