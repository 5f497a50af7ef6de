package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.headend.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanReaperTest {

    @TempDir
    Path runDir;

    @Test
    void aProcessThisAppStartedIsNotALeftover() throws Exception {
        Process ours = new ProcessBuilder("sleep", "30").start();
        try {
            Path pidFile = runDir.resolve("ours.pid");
            Files.writeString(pidFile, ours.pid() + " sleep\n");
            OrphanReaper.reap(runDir);
            assertTrue(ours.isAlive(), "a process of this run is left running");
            assertTrue(Files.exists(pidFile), "and its pid file stays for the next start");
        } finally {
            ours.destroyForcibly();
        }
    }

    @Test
    void aProcessWhoseStarterIsGoneIsReaped() throws Exception {
        // The shell starts sleep in the background and ends: sleep's parent is gone, as after a crash.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!").start();
        long pid = Long.parseLong(new String(shell.getInputStream().readAllBytes()).trim());
        shell.waitFor();
        ProcessHandle orphan = ProcessHandle.of(pid).orElseThrow();
        try {
            Await.until(
                    "the orphan to lose its parent",
                    Duration.ofSeconds(5),
                    () -> !OrphanReaper.startedByThisApp(orphan));
            Files.writeString(runDir.resolve("left.pid"), pid + " sleep\n");
            OrphanReaper.reap(runDir);
            Await.until("the leftover to end", Duration.ofSeconds(5), () -> !orphan.isAlive());
            assertFalse(Files.exists(runDir.resolve("left.pid")));
        } finally {
            orphan.destroyForcibly();
        }
    }
}
