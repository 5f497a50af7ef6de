package org.headend.recording.entity;

import java.time.Instant;

/**
 * Fired when a recording is finalised, {@code READY} or {@code FAILED}; webhooks
 * ({@code recording.finished}) and console push observe it.
 */
public record RecordingFinished(
        String recordingId,
        String streamId,
        String streamName,
        String state,
        long durationMillis,
        long bytes,
        Instant at) {}
