package org.headend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One worker host of {@link WorkerHosts}: a network namespace with {@code lo} up, a veth pair whose
 * other end is in the root namespace (the node's side, {@link #nodeAddress()}), and an
 * {@link SshServer} on port 22 of the worker's address. The worker reaches the node's address and
 * nothing else (no default route). The ways a worker is lost are here: the link cut, sshd killed,
 * the whole host frozen.
 */
public final class WorkerHost implements AutoCloseable {

    private final String name;
    private final String nodeInterface;
    private final String nodeAddress;
    private final String address;
    private SshServer ssh;

    private WorkerHost(String name, String nodeAddress, String address) {
        this.name = name;
        this.nodeInterface = name + "n";
        this.nodeAddress = nodeAddress;
        this.address = address;
    }

    /** Makes the namespace (named {@code name}, at most 14 characters), its link and its sshd. */
    static WorkerHost create(String name, String nodeAddress, String address) {
        var host = new WorkerHost(name, nodeAddress, address);
        try {
            host.build();
            return host;
        } catch (RuntimeException | Error e) {
            host.close();
            throw e;
        }
    }

    private void build() {
        NetworkNamespaces.ip("netns", "add", name);
        NetworkNamespaces.ip("-n", name, "link", "set", "lo", "up");
        NetworkNamespaces.ip("link", "add", nodeInterface, "type", "veth", "peer", "name", "eth0", "netns", name);
        NetworkNamespaces.ip("addr", "add", nodeAddress + "/30", "dev", nodeInterface);
        NetworkNamespaces.ip("link", "set", nodeInterface, "up");
        NetworkNamespaces.ip("-n", name, "addr", "add", address + "/30", "dev", "eth0");
        NetworkNamespaces.ip("-n", name, "link", "set", "eth0", "up");
        ssh = SshServer.start(name, address, 22);
    }

    /** The host's name, which is also its namespace's: a fine worker name to register. */
    public String name() {
        return name;
    }

    /** The worker's address, where its sshd listens. */
    public String address() {
        return address;
    }

    /** The node's (root namespace's) end of the link: the only address the worker can reach. */
    public String nodeAddress() {
        return nodeAddress;
    }

    public SshServer ssh() {
        return ssh;
    }

    /** Sets the node's end of the link down: packets stop both ways, no connection is reset. */
    public void cutLink() {
        NetworkNamespaces.ip("link", "set", nodeInterface, "down");
    }

    public void restoreLink() {
        NetworkNamespaces.ip("link", "set", nodeInterface, "up");
    }

    /** SIGKILLs the host's sshd, listener and sessions; what the sessions started runs on. */
    public void killSshd() {
        ssh.kill();
    }

    /** Starts sshd again after {@link #killSshd()}, with the same host key, user and authorized keys. */
    public void restartSshd() {
        ssh.restart();
    }

    /**
     * SIGSTOPs every process in the namespace, again until none is left running (a process may fork
     * meanwhile). The kernel still completes TCP handshakes for the stopped sshd; nothing answers.
     */
    public void freeze() {
        Await.until(name + " frozen", Duration.ofSeconds(10), () -> {
            List<String> running = NetworkNamespaces.processesIn(name).stream()
                    .filter(p -> !stopped(p.pid()))
                    .map(p -> Long.toString(p.pid()))
                    .toList();
            signal("-STOP", running);
            return running.isEmpty();
        });
    }

    /** SIGCONTs every process in the namespace. */
    public void thaw() {
        signal(
                "-CONT",
                NetworkNamespaces.processesIn(name).stream()
                        .map(p -> Long.toString(p.pid()))
                        .toList());
    }

    private static void signal(String signal, List<String> pids) {
        if (!pids.isEmpty()) {
            // Quietly: a pid that exited since it was listed is no reason to fail, the others get it.
            Commands.quietly(
                    Stream.concat(Stream.of("kill", signal), pids.stream()).toArray(String[]::new));
        }
    }

    private static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'T' || state == 't';
        } catch (IOException gone) {
            return true;
        }
    }

    /** The pids of the processes in this host's namespace whose {@code comm} is {@code command}. */
    public List<Long> processes(String command) {
        return NetworkNamespaces.processesIn(name).stream()
                .filter(p -> command.equals(NetworkNamespaces.comm(p.pid())))
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
    }

    /** Every process in this host's namespace now (its sshd, the sessions, what they started). */
    public List<ProcessHandle> processes() {
        return NetworkNamespaces.processesIn(name);
    }

    /** Whether the process runs on this host (in its namespace). */
    public boolean runs(long pid) {
        return NetworkNamespaces.contains(name, pid);
    }

    /**
     * Removes the sshd and its user, kills whatever else runs in the namespace (frozen or not) and
     * deletes the namespace; its veth pair goes with it. Each step goes on whatever the one before did.
     */
    @Override
    public void close() {
        try {
            if (ssh != null) {
                ssh.close();
            }
        } finally {
            NetworkNamespaces.killAllIn(name);
            Commands.quietly("ip", "netns", "del", name);
            Commands.quietly("ip", "link", "del", nodeInterface);
        }
    }
}
