package org.headend.platform.process;

/** What tells that a supervised process is making progress, for its stall watchdog. */
public enum ProgressWatch {
    /** ffmpeg's {@code -progress} blocks on standard output, each judged by the listener. */
    PROGRESS_BLOCKS,
    /** The owner says so through {@link SupervisedProcess#progressed()} (data read from stdout). */
    REPORTED,
    /** Nothing: a daemon such as nginx; running is progress enough, no watchdog. */
    NONE
}
