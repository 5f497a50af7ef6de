package org.headend.recording.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.headend.platform.process.Backoff;

/**
 * What every recording's processes share: programs, pid-file folder, threads, restart delays, and
 * how long an ffmpeg may go without progress before it is killed and restarted.
 */
record RecorderSettings(
        String ffmpeg,
        String ffprobe,
        Path runDir,
        ThreadFactory threads,
        ScheduledExecutorService scheduler,
        Backoff backoff,
        int segmentSeconds,
        Duration stallTimeout) {}
