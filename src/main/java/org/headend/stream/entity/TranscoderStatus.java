package org.headend.stream.entity;

import java.time.Instant;

/** The transcoder's own figures from ffmpeg's progress output. */
public record TranscoderStatus(
        boolean running, double speed, double fps, long frames, int restarts, Instant startedAt, String lastError) {

    public static final TranscoderStatus IDLE = new TranscoderStatus(false, 0, 0, 0, 0, null, null);
}
