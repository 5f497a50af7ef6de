package org.headend.output.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.headend.output.entity.OutputStateChanged;
import org.headend.platform.process.Backoff;

/** What every output runner shares: where it runs, how it retries, and where its changes go. */
record OutputRuntime(
        String ffmpeg,
        Path runDir,
        ThreadFactory threads,
        ScheduledExecutorService scheduler,
        Backoff backoff,
        int maxAttempts,
        Duration stallTimeout,
        Consumer<OutputStateChanged> changes) {}
