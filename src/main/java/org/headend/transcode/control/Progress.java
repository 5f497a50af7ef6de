package org.headend.transcode.control;

/** One block of ffmpeg's {@code -progress} output. */
public record Progress(long frames, double fps, double speed, long outTimeMicros, boolean ended) {}
