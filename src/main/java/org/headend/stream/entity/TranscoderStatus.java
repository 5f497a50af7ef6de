package org.headend.stream.entity;

import java.time.Instant;

/**
 * The transcoder's own figures from ffmpeg's progress output, and where its primary packager runs
 * ({@code host}: {@code local} or a worker's name; null while it is placed nowhere).
 */
public record TranscoderStatus(
        boolean running,
        double speed,
        double fps,
        long frames,
        int restarts,
        Instant startedAt,
        String lastError,
        String host) {

    public static final TranscoderStatus IDLE = new TranscoderStatus(false, 0, 0, 0, 0, null, null, null);

    public TranscoderStatus onHost(String newHost) {
        return new TranscoderStatus(running, speed, fps, frames, restarts, startedAt, lastError, newHost);
    }
}
