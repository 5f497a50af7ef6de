package org.headend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What the namespace fixtures share: the {@code ip} runner, and finding the processes of a named
 * network namespace the way {@code ip netns pids} does, by comparing {@code /proc/<pid>/ns/net} with
 * {@code /run/netns/<name>}.
 */
final class NetworkNamespaces {

    private NetworkNamespaces() {}

    /** Whether {@code ip netns} works here (root and iproute2): without it the tests are skipped. */
    static boolean available() {
        try {
            Commands.run("ip", "netns", "list");
            return "root".equals(ProcessHandle.current().info().user().orElse(""));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Commands.run(command);
    }

    /** The command line that runs {@code command} inside the namespace. */
    static List<String> exec(String namespace, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(command);
        return argv;
    }

    static boolean contains(String namespace, long pid) {
        return sameNamespace(Path.of("/run/netns", namespace), pid);
    }

    /** Whether the process shares the network namespace of this JVM, the node's. */
    static boolean withThisJvm(long pid) {
        return sameNamespace(Path.of("/proc/self/ns/net"), pid);
    }

    private static boolean sameNamespace(Path namespace, long pid) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(pid), "ns", "net"), namespace);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The processes living in the namespace now. */
    static List<ProcessHandle> processesIn(String namespace) {
        if (!Files.exists(Path.of("/run/netns", namespace))) {
            return List.of();
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> contains(namespace, p.pid())).toList();
        }
    }

    /**
     * Kills what still runs in the namespace (a test that failed halfway may leave an app, an nginx,
     * an sshd or a capture there) and waits a little for it to go.
     */
    static void killAllIn(String namespace) {
        awaitGone(processesIn(namespace).stream()
                .filter(ProcessHandle::destroyForcibly)
                .toList());
    }

    static void awaitGone(List<ProcessHandle> killed) {
        for (ProcessHandle p : killed) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException stillThere) {
                // Deleting the name still works; the namespace goes with its last process.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The process's {@code comm}, the name {@code ps} and {@code pgrep} show ("" once it is gone). */
    static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
                    .strip();
        } catch (IOException gone) {
            return "";
        }
    }
}
