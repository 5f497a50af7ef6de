package org.headend.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Ends programs a previous run of the app started and could not stop (it was killed with
 * SIGKILL or crashed), found through the pid files {@link LocalProcess} leaves. A pid is only
 * killed when it still runs the program the file names, so a reused pid is left alone; and never
 * when it is a child of this app's own JVM: whoever reaps last (a supervisor made on first use)
 * must not kill what another one already started in this run.
 */
public final class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class.getName());

    private OrphanReaper() {}

    public static void reap(Path runDir) {
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
            var process = ProcessHandle.of(pid);
            if (process.filter(OrphanReaper::startedByThisApp).isPresent()) {
                return;
            }
            process.filter(p -> p.info()
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

    /** A descendant of this JVM: a leftover's parent died with the earlier run, so it is never one. */
    static boolean startedByThisApp(ProcessHandle process) {
        long self = ProcessHandle.current().pid();
        for (var parent = process.parent();
                parent.isPresent();
                parent = parent.get().parent()) {
            if (parent.get().pid() == self) {
                return true;
            }
        }
        return false;
    }
}
