package org.headend.transcode.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.headend.platform.process.Backoff;
import org.headend.stream.control.LiveStreams;

/** What every transcoder shares: where it reports, where it runs, and how it is kept alive. */
record TranscoderRuntime(
        LiveStreams live,
        Path runDir,
        ThreadFactory threads,
        ScheduledExecutorService scheduler,
        Backoff backoff,
        Duration stallTimeout) {}
