package org.headend.platform.process;

import java.util.List;

/**
 * What the owner of a supervised process hears. Called outside the process's own lock, on the
 * thread that noticed the event; each has a default, so an owner overrides what it cares about.
 */
public interface ProcessListener {

    /**
     * The command line of the run about to start: the spec's unless a run needs its own arguments
     * (a recording names each run's segments apart).
     */
    default List<String> commandForRun(List<String> specCommand) {
        return specCommand;
    }

    /** A run began; for a process with data on stdout, {@code run.output()} is to be read now. */
    default void started(LaunchedProcess run) {}

    /** One ffmpeg progress block; true if it counts as progress for the stall watchdog. */
    default boolean progress(Progress progress) {
        return true;
    }

    /** A line of standard output, for a process whose progress is not read from it. */
    default void stdout(String line) {}

    /** The process ended on its own or was killed for a stall; {@code reason} says how. */
    default void ended(String reason, boolean stalled) {}

    /** The state moved; {@code now} is the whole picture after the move. */
    default void changed(ProcessSnapshot now) {}
}
