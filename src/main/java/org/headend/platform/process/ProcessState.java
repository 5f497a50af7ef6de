package org.headend.platform.process;

/** Where a supervised process stands. */
public enum ProcessState {
    /** Launched, no progress yet (ffmpeg opening its input). */
    STARTING,
    /** Making progress. */
    RUNNING,
    /** Ended on its own or was killed; waiting for its restart. */
    RESTARTING,
    /** Given up after too many failures in a row. */
    FAILED,
    /** Stopped by its owner, or not started yet. */
    STOPPED
}
