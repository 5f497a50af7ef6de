package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    void whatThisRunStartedIsNoLeftoverAndKeepsItsPidFile() throws Exception {
        Process own = new ProcessBuilder("sleep", "30").start();
        try {
            Path pidFile = pidFile("own", own.pid());
            OrphanReaper.reap(runDir);
            assertTrue(own.isAlive(), "a child of this run is left running");
            assertTrue(Files.exists(pidFile), "and its pid file stays for a later run to reap");
        } finally {
            own.destroyForcibly();
        }
    }

    @Test
    void aProcessOfAnEarlierRunIsStopped() throws Exception {
        // A sleep whose shell has ended is no descendant of this JVM, as one of a crashed run.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!").start();
        long pid = Long.parseLong(new String(shell.getInputStream().readAllBytes()).trim());
        shell.waitFor();
        ProcessHandle orphan = ProcessHandle.of(pid).orElseThrow();
        try {
            Path pidFile = pidFile("orphan", pid);
            OrphanReaper.reap(runDir);
            Await.until("the leftover stopped", Duration.ofSeconds(5), () -> !orphan.isAlive());
            assertFalse(Files.exists(pidFile));
        } finally {
            orphan.destroyForcibly();
        }
    }

    private Path pidFile(String label, long pid) throws IOException {
        return Files.writeString(runDir.resolve(label + ".pid"), pid + " sleep");
    }
}
