package org.headend.platform.process;

import java.util.List;
import java.util.function.Consumer;

/**
 * One program to start. {@code stdout} receives its standard output line by line; where it is
 * null, standard output is data the caller reads from {@link LaunchedProcess#output()} (MPEG-TS on
 * {@code pipe:1}). {@code label} names the run in pid files and logs and must be unique while it
 * runs.
 */
public record LaunchRequest(String label, List<String> command, Consumer<String> stdout, Consumer<String> stderr) {

    public LaunchRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no program to start");
        }
    }

    public boolean dataOnStdout() {
        return stdout == null;
    }
}
