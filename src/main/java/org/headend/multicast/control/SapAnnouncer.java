package org.headend.multicast.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends SAP (RFC 2974) announcements and deletions of SDP sessions, so that receivers such as VLC list the
 * channels. The caller repeats announce() every few seconds while a sender is live; SAP has no other keep-alive.
 */
public final class SapAnnouncer implements AutoCloseable {

    /** The well-known SAP group and port for global-scope IPv4 sessions (RFC 2974, section 3). */
    public static final InetSocketAddress SAP_GROUP = new InetSocketAddress("224.2.127.254", 9875);

    static final String PAYLOAD_TYPE = "application/sdp";

    private final DatagramChannel channel;
    private final InetSocketAddress destination;

    public SapAnnouncer(NetworkInterface networkInterface, int ttl) throws IOException {
        this(networkInterface, ttl, SAP_GROUP);
    }

    /** Announces to another group or port than SAP's own, which tests and isolated networks need. */
    public SapAnnouncer(NetworkInterface networkInterface, int ttl, InetSocketAddress destination) throws IOException {
        this.destination = destination;
        this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            if (networkInterface != null) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public void announce(SessionAnnouncement announcement) throws IOException {
        channel.send(ByteBuffer.wrap(packet(announcement, false)), destination);
    }

    public void delete(SessionAnnouncement announcement) throws IOException {
        channel.send(ByteBuffer.wrap(packet(announcement, true)), destination);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One SAP v1 packet: no authentication, no encryption, no compression, an IPv4 origin. The deletion carries the
     * same message id hash and origin, which is how receivers find the session to drop.
     */
    public static byte[] packet(SessionAnnouncement announcement, boolean deletion) {
        if (!(announcement.origin() instanceof Inet4Address)) {
            throw new IllegalArgumentException("SAP origin must be IPv4: " + announcement.origin());
        }
        byte[] type = (PAYLOAD_TYPE + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] sdp = announcement.sdp().getBytes(StandardCharsets.UTF_8);
        ByteBuffer packet = ByteBuffer.allocate(8 + type.length + sdp.length);
        packet.put((byte) (deletion ? 0x24 : 0x20)); // V=1, A=0 (IPv4), R=0, T, E=0, C=0
        packet.put((byte) 0); // authentication length
        packet.putShort((short) messageIdHash(announcement.sessionId()));
        packet.put(announcement.origin().getAddress());
        packet.put(type);
        packet.put(sdp);
        return packet.array();
    }

    /**
     * A 16-bit hash that stays the same for a session across announcements, as RFC 2974 asks; 0 is avoided because
     * it means "no hash" to some receivers.
     */
    public static int messageIdHash(long sessionId) {
        long h = sessionId * 0x9E3779B97F4A7C15L;
        int hash = (int) ((h >>> 48) ^ (h >>> 32) ^ (h >>> 16) ^ h) & 0xFFFF;
        return hash == 0 ? 1 : hash;
    }
}
