package org.headend.worker.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The worker side's processes on this machine, where the test's sshd runs, read from /proc. */
final class WorkerProcesses {

    private WorkerProcesses() {}

    /**
     * A user's live sshd processes. sshd's session processes are not dumpable, so their /proc
     * entries belong to root and Java tells no user or command for them: /proc/pid/status does.
     * A dead session's sshd can stay a zombie where no init reaps it (a container): not counted.
     */
    static List<Long> sessionSshd(String user) {
        String uid = uid(user);
        var found = new ArrayList<Long>();
        try (var all = ProcessHandle.allProcesses()) {
            for (ProcessHandle p : all.toList()) {
                List<String> status;
                try {
                    status = Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"));
                } catch (IOException gone) {
                    continue;
                }
                if (status.stream().anyMatch(l -> l.matches("Name:\\s+sshd(-session)?"))
                        && status.stream().noneMatch(l -> l.matches("State:\\s+Z.*"))
                        && status.stream().anyMatch(l -> l.matches("Uid:\\s+" + uid + "\\s.*"))) {
                    found.add(p.pid());
                }
            }
        }
        return found;
    }

    static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + pid + " failed");
        }
    }

    private static String uid(String user) {
        try {
            Process id = new ProcessBuilder("id", "-u", user).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            id.waitFor(5, TimeUnit.SECONDS);
            return uid;
        } catch (IOException e) {
            throw new AssertionError("id -u " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
