package org.headend.platform.process;

import java.util.List;

/**
 * How a program run to its end went: its exit code (-1 when it was killed for taking too long), its
 * standard output and its error lines (masked as its spec says).
 */
public record RunResult(int exitCode, boolean timedOut, List<String> stdout, List<String> stderr) {

    public RunResult {
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
