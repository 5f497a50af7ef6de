package org.headend.platform.process;

import java.io.IOException;

/**
 * Where programs run: this node today, a worker host later. It starts a program from an argument
 * list (never a shell), hands its output lines on, tells its exit and signals it; it speaks of a
 * host and a process identity, not of {@link java.lang.Process}, so a remote one can stand in.
 */
public interface Launcher {

    /** The name the API shows for this launcher's host; {@code local} for the node itself. */
    String host();

    LaunchedProcess launch(LaunchRequest request) throws IOException;

    /** Ends what an earlier run of the app started here and could not stop (it was killed or crashed). */
    void reapLeftovers();
}
