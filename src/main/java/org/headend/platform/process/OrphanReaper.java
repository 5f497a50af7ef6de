package org.headend.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Ends programs a previous run of the app started and could not stop (it was killed with
 * SIGKILL or crashed), found through the pid files {@link LocalProcess} leaves. A pid is only
 * killed when it still runs the program the file names, so a reused pid is left alone, and never
 * when this run of the app started it.
 */
final class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class.getName());

    private OrphanReaper() {}

    static void reap(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            files.filter(f -> f.toString().endsWith(".pid")).forEach(OrphanReaper::reapOne);
        } catch (IOException e) {
            LOG.warning("Cannot look for leftover processes in " + runDir + ": " + e);
        }
    }

    private static void reapOne(Path pidFile) {
        try {
            String[] parts = Files.readString(pidFile).trim().split(" ", 2);
            long pid = Long.parseLong(parts[0]);
            String program = parts.length > 1 ? parts[1] : "";
            if (startedByThisRun(pid)) {
                // A reap after the first start (the first use of ProcessSupervisor comes late) must
                // not end what this very run started: its own children are no leftovers.
                return;
            }
            ProcessHandle.of(pid)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> c.endsWith("/" + program) || c.equals(program))
                            .orElse(false))
                    .ifPresent(p -> {
                        LOG.warning(() -> "Stopping " + program + " (pid " + pid + ") left by an earlier run");
                        LocalProcess.killTree(p);
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            LOG.warning("Ignoring unreadable pid file " + pidFile + ": " + e);
        }
    }

    private static boolean startedByThisRun(long pid) {
        return ProcessHandle.current().descendants().anyMatch(p -> p.pid() == pid);
    }
}
