package org.headend.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small LAN made of network namespaces, for multicast tests: a bridge in a namespace of its own,
 * a sender namespace and two receiver namespaces, each with {@code lo} up and a veth into the
 * bridge. The app under test runs in the sender namespace ({@link #senderNamespace()}) and sends on
 * its veth ({@link #senderInterface()}); the root namespace has no link into this LAN. Names are
 * unique per run (at most 15 characters), addresses are in a random 10.x.y.0/24 with no route
 * beyond it, and nothing else is connected: traffic reaches only these namespaces. {@link #close()}
 * kills whatever still runs in them and deletes all of it.
 */
public final class LanNamespaces implements AutoCloseable {

    private final String id =
            Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
    private final String subnet = "10." + ThreadLocalRandom.current().nextInt(200, 250) + "."
            + ThreadLocalRandom.current().nextInt(1, 254);
    private final List<String> namespaces = new ArrayList<>();

    /** Whether {@code ip netns} works here (root and iproute2): without it the tests are skipped. */
    public static boolean available() {
        return NetworkNamespaces.available();
    }

    public LanNamespaces create() {
        String bridge = "hmb" + id;
        namespaces.add(bridge);
        ip("netns", "add", bridge);
        ip("-n", bridge, "link", "add", "br0", "type", "bridge");
        // No IGMP querier lives on this LAN: without snooping the bridge simply floods the groups.
        ip("-n", bridge, "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        ip("-n", bridge, "link", "set", "br0", "up");
        String sender = senderNamespace();
        namespaces.add(sender);
        ip("netns", "add", sender);
        ip("-n", sender, "link", "set", "lo", "up");
        ip(
                "link",
                "add",
                senderInterface(),
                "netns",
                sender,
                "type",
                "veth",
                "peer",
                "name",
                "hm" + id + "sb",
                "netns",
                bridge);
        ip("-n", sender, "addr", "add", senderAddress() + "/24", "dev", senderInterface());
        ip("-n", sender, "link", "set", senderInterface(), "up");
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

    /** Where the app under test runs. */
    public String senderNamespace() {
        return "hms" + id;
    }

    /** The sender namespace's veth into the bridge: what the app is told to send on. */
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

    /** Whether the process lives in the sender namespace: its network namespace is that one. */
    public boolean inSenderNamespace(ProcessHandle process) {
        return NetworkNamespaces.contains(senderNamespace(), process.pid());
    }

    /** The command line that runs {@code command} inside receiver namespace n. */
    public List<String> inReceiver(int n, List<String> command) {
        return NetworkNamespaces.exec(receiverNamespace(n), command);
    }

    /**
     * Kills what still runs in the namespaces (a test that failed halfway may leave an app, an
     * nginx or a capture there), then deletes them; deleting a namespace deletes its veth ends. Each
     * step goes on whatever the one before did.
     */
    @Override
    public void close() {
        for (String ns : namespaces) {
            NetworkNamespaces.killAllIn(ns);
            Commands.quietly("ip", "netns", "del", ns);
        }
    }

    private static void ip(String... args) {
        NetworkNamespaces.ip(args);
    }
}
