package org.headend.platform.process;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A program a {@link Launcher} started: its identity on its host, its exit, and its signals. */
public interface LaunchedProcess {

    String host();

    long pid();

    boolean isAlive();

    /** Completes with the exit code once the program ended. */
    CompletableFuture<Integer> onExit();

    /** Standard output, for a program started with data on it. */
    InputStream output();

    /** Ends the program at once (SIGKILL), as for one that hangs. */
    void kill();

    /** Asks the program to finish (SIGTERM), then kills it and what it started after the grace. */
    void stop(Duration grace);
}
