package org.headend.platform.process;

/** One block of ffmpeg's {@code -progress} output. */
public record Progress(long frames, double fps, double speed, long outTimeMicros, long totalBytes, boolean ended) {}
