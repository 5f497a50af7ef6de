package org.headend.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Worker hosts for the remote transcoding tests: {@link #create(int)} makes n {@link WorkerHost}s,
 * each a network namespace linked to the root namespace (where the test and the app run, the node)
 * by a veth pair in a /30 of its own, inside a random 10.x.y.0/24 that no root address uses yet, and
 * a real sshd on the worker's end. Names are unique per run. {@link #close()} deletes all of it,
 * whatever still runs there.
 */
public final class WorkerHosts implements AutoCloseable {

    private final List<WorkerHost> hosts = new ArrayList<>();

    private WorkerHosts() {}

    /** Whether worker hosts can be made here: root, {@code ip netns} and sshd. */
    public static boolean available() {
        return NetworkNamespaces.available() && SshServer.available();
    }

    public static WorkerHosts create(int n) {
        if (n < 1 || n > 63) {
            throw new IllegalArgumentException("1 to 63 hosts fit in one /24 of /30 links, not " + n);
        }
        String id =
                Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
        String subnet = freeSubnet();
        var made = new WorkerHosts();
        try {
            for (int i = 0; i < n; i++) {
                made.hosts.add(
                        WorkerHost.create("hw" + id + (i + 1), subnet + "." + (4 * i + 1), subnet + "." + (4 * i + 2)));
            }
            return made;
        } catch (RuntimeException | Error e) {
            made.close();
            throw e;
        }
    }

    /** A 10.x.y prefix no address of the root namespace is in (another run's hosts, a real LAN). */
    private static String freeSubnet() {
        String used = Commands.run("ip", "-o", "-4", "addr", "show");
        while (true) {
            String subnet = "10." + ThreadLocalRandom.current().nextInt(150, 200) + "."
                    + ThreadLocalRandom.current().nextInt(1, 254);
            if (!used.contains(" " + subnet + ".")) {
                return subnet;
            }
        }
    }

    public List<WorkerHost> all() {
        return List.copyOf(hosts);
    }

    /** The n-th host, from 0. */
    public WorkerHost get(int index) {
        return hosts.get(index);
    }

    /**
     * Whether the process runs in the root namespace, the node's (this JVM's): an ffmpeg found there
     * ran on the node, not on a worker.
     */
    public static boolean inRootNamespace(long pid) {
        return NetworkNamespaces.withThisJvm(pid);
    }

    @Override
    public void close() {
        // Every host is closed even when one fails; the first failure is the one reported.
        RuntimeException failed = null;
        for (WorkerHost host : hosts) {
            try {
                host.close();
            } catch (RuntimeException | AssertionError e) {
                if (failed == null) {
                    failed = new IllegalStateException("closing the worker hosts failed", e);
                }
            }
        }
        hosts.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
