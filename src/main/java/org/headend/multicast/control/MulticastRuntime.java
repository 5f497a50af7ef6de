package org.headend.multicast.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.platform.process.Backoff;

/** What every sender runner shares: where it runs, how it retries and announces, where changes go. */
record MulticastRuntime(
        String ffmpeg,
        Path runDir,
        ThreadFactory threads,
        ScheduledExecutorService scheduler,
        Backoff backoff,
        Duration sapInterval,
        Duration stallTimeout,
        Consumer<MulticastStateChanged> changes) {}
