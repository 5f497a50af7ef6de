package org.headend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A small LAN made of network namespaces, for multicast tests: a bridge in a namespace of its own,
 * two receiver namespaces each with a veth into it, and a veth whose other end stays in the root
 * namespace, where the app runs, as the interface it sends on ({@link #senderInterface()}). Names
 * are unique per run (at most 15 characters), addresses are in a random 10.x.y.0/24, and nothing
 * else is connected: traffic reaches only these namespaces. {@link #close()} deletes all of it.
 */
public final class LanNamespaces implements AutoCloseable {

    private final String id =
            Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
    private final String subnet = "10." + ThreadLocalRandom.current().nextInt(200, 250) + "."
            + ThreadLocalRandom.current().nextInt(1, 254);
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> rootLinks = new ArrayList<>();

    /** Whether {@code ip netns} works here (root and iproute2): without it the tests are skipped. */
    public static boolean available() {
        try {
            run(List.of("ip", "netns", "list"));
            return "root".equals(ProcessHandle.current().info().user().orElse(""));
        } catch (RuntimeException e) {
            return false;
        }
    }

    public LanNamespaces create() {
        String bridge = "hmb" + id;
        namespaces.add(bridge);
        ip("netns", "add", bridge);
        ip("-n", bridge, "link", "add", "br0", "type", "bridge");
        // No IGMP querier lives on this LAN: without snooping the bridge simply floods the groups.
        ip("-n", bridge, "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        ip("-n", bridge, "link", "set", "br0", "up");
        rootLinks.add(senderInterface());
        ip("link", "add", senderInterface(), "type", "veth", "peer", "name", "hm" + id + "sb", "netns", bridge);
        ip("addr", "add", subnet + ".1/24", "dev", senderInterface());
        ip("link", "set", senderInterface(), "up");
        plug(bridge, "hm" + id + "sb");
        for (int n = 1; n <= 2; n++) {
            String ns = receiverNamespace(n);
            namespaces.add(ns);
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
            ip(
                    "link",
                    "add",
                    "hm" + id + "r" + n,
                    "netns",
                    ns,
                    "type",
                    "veth",
                    "peer",
                    "name",
                    "hm" + id + "b" + n,
                    "netns",
                    bridge);
            ip("-n", ns, "addr", "add", receiverAddress(n) + "/24", "dev", receiverInterface(n));
            ip("-n", ns, "link", "set", receiverInterface(n), "up");
            plug(bridge, "hm" + id + "b" + n);
        }
        return this;
    }

    private void plug(String bridge, String link) {
        ip("-n", bridge, "link", "set", link, "master", "br0");
        ip("-n", bridge, "link", "set", link, "up");
    }

    /** The root namespace's end of the sender's veth: what the app is told to send on. */
    public String senderInterface() {
        return "hm" + id + "s";
    }

    public String senderAddress() {
        return subnet + ".1";
    }

    public String receiverNamespace(int n) {
        return "hmr" + n + id;
    }

    public String receiverInterface(int n) {
        return "hm" + id + "r" + n;
    }

    public String receiverAddress(int n) {
        return subnet + "." + (1 + n);
    }

    /** The command line that runs {@code command} inside receiver namespace n. */
    public List<String> inReceiver(int n, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", receiverNamespace(n)));
        argv.addAll(command);
        return argv;
    }

    @Override
    public void close() {
        // Deleting a namespace deletes its veth ends, and with them their peers in the root namespace.
        for (String ns : namespaces) {
            quietly(List.of("ip", "netns", "del", ns));
        }
        for (String link : rootLinks) {
            quietly(List.of("ip", "link", "del", link));
        }
    }

    private static void quietly(List<String> command) {
        try {
            run(command);
        } catch (RuntimeException alreadyGone) {
            // Nothing left to delete.
        }
    }

    private static void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        run(command);
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
