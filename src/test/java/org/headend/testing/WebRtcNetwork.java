package org.headend.testing;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An interface for Janus to gather its ICE candidates on: Janus skips loopback, and tests must send
 * nothing beyond loopback and their own interfaces. A veth pair in this namespace, one end with
 * the address Janus offers, the other with a neighbour address; traffic between them stays on this
 * machine. Each instance takes its own names and /30, so test apps may run side by side.
 */
public final class WebRtcNetwork implements AutoCloseable {

    private final String janusSide;
    private final String address;

    private WebRtcNetwork(String janusSide, String address) {
        this.janusSide = janusSide;
        this.address = address;
    }

    /** Creates the pair, up and addressed. Needs root, like the other namespace fixtures. */
    public static WebRtcNetwork create() {
        int n = ThreadLocalRandom.current().nextInt(1, 16000);
        String janusSide = "hrtc" + n + "a";
        String peerSide = "hrtc" + n + "b";
        String subnet = "10." + (200 + n / 4000) + "." + (n % 4000 / 16) + "." + (n % 16 * 16);
        String prefix = subnet.substring(0, subnet.lastIndexOf('.') + 1);
        int base = Integer.parseInt(subnet.substring(subnet.lastIndexOf('.') + 1));
        String address = prefix + (base + 1);
        NetworkNamespaces.ip("link", "add", janusSide, "type", "veth", "peer", "name", peerSide);
        var network = new WebRtcNetwork(janusSide, address);
        try {
            NetworkNamespaces.ip("addr", "add", address + "/30", "dev", janusSide);
            NetworkNamespaces.ip("addr", "add", prefix + (base + 2) + "/30", "dev", peerSide);
            NetworkNamespaces.ip("link", "set", janusSide, "up");
            NetworkNamespaces.ip("link", "set", peerSide, "up");
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    /** The interface Janus is told to use ({@code headend.webrtc.interface}). */
    public String janusInterface() {
        return janusSide;
    }

    /** The address Janus offers its candidates on. */
    public String address() {
        return address;
    }

    /** What an app started for WebRTC tests gets in its environment. */
    public Map<String, String> appEnvironment() {
        return Map.of("HEADEND_WEBRTC_INTERFACE", janusSide);
    }

    /** Deleting one end deletes the pair. */
    @Override
    public void close() {
        try {
            NetworkNamespaces.ip("link", "del", janusSide);
        } catch (RuntimeException gone) {
            // Already deleted.
        }
    }
}
