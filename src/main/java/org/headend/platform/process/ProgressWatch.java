package org.headend.platform.process;

/** What tells that a supervised process is making progress, for its stall watchdog. */
public enum ProgressWatch {
    /** ffmpeg's {@code -progress} blocks on standard output, each judged by the listener. */
    PROGRESS_BLOCKS,
    /**
     * As {@link #PROGRESS_BLOCKS}, but the watchdog only begins with the first progress: a listener
     * waits for its sender as long as it takes, and once data flowed, a silence is a stall.
     */
    PROGRESS_BLOCKS_ONCE_FLOWING,
    /** The owner says so through {@link SupervisedProcess#progressed()} (data read from stdout). */
    REPORTED,
    /** Nothing: a daemon such as nginx; running is progress enough, no watchdog. */
    NONE;

    boolean readsBlocks() {
        return this == PROGRESS_BLOCKS || this == PROGRESS_BLOCKS_ONCE_FLOWING;
    }
}
