package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.headend.multicast.entity.MulticastFormat;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.MulticastReceiver;
import org.junit.jupiter.api.Test;

/** SAP packets (RFC 2974) parsed back, the SDP they carry (RFC 8866), and one sent over loopback. */
class SapAnnouncerTest {

    private static final InetAddress ORIGIN = address("10.1.2.3");

    @Test
    void anAnnouncementIsASapVersion1PacketWithTheSdp() {
        SessionAnnouncement session = session(42, MulticastFormat.UDP);

        Sap sap = Sap.parse(SapAnnouncer.packet(session, false));

        assertEquals(1, sap.version);
        assertEquals(false, sap.ipv6);
        assertEquals(false, sap.deletion);
        assertEquals(false, sap.encryptedOrCompressed);
        assertEquals(0, sap.authLength);
        assertEquals(SapAnnouncer.messageIdHash(42), sap.hash);
        assertEquals(ORIGIN, sap.origin);
        assertEquals("application/sdp", sap.payloadType);
        assertEquals(session.sdp(), sap.body);
    }

    @Test
    void theDeletionHasTheTBitAndTheSameHashAndOrigin() {
        SessionAnnouncement session = session(42, MulticastFormat.UDP);

        Sap announce = Sap.parse(SapAnnouncer.packet(session, false));
        Sap delete = Sap.parse(SapAnnouncer.packet(session, true));

        assertEquals(true, delete.deletion);
        assertEquals(announce.hash, delete.hash);
        assertEquals(announce.origin, delete.origin);
    }

    @Test
    void theHashIsStablePerSessionAndNeverZero() {
        assertEquals(SapAnnouncer.messageIdHash(7), SapAnnouncer.messageIdHash(7));
        assertNotEquals(SapAnnouncer.messageIdHash(7), SapAnnouncer.messageIdHash(8));
        for (long id = 0; id < 100_000; id++) {
            assertNotEquals(0, SapAnnouncer.messageIdHash(id));
        }
    }

    @Test
    void anIpv6OriginIsRefused() {
        SessionAnnouncement session = new SessionAnnouncement(
                1, "x", address("::1"), session(1, MulticastFormat.UDP).settings());
        assertThrows(IllegalArgumentException.class, () -> SapAnnouncer.packet(session, false));
    }

    @Test
    void sdpForBareUdpIsWhatVlcAnnouncesItself() {
        assertEquals(
                "v=0\r\n"
                        + "o=- 42 1 IN IP4 10.1.2.3\r\n"
                        + "s=News HD\r\n"
                        + "c=IN IP4 239.255.1.2/16\r\n"
                        + "t=0 0\r\n"
                        + "a=tool:Headend\r\n"
                        + "a=type:broadcast\r\n"
                        + "a=recvonly\r\n"
                        + "m=video 5004 udp 33\r\n"
                        + "a=rtpmap:33 MP2T/90000\r\n",
                session(42, MulticastFormat.UDP).sdp());
    }

    @Test
    void sdpForRtpIsRtpAvp33() {
        String sdp = session(42, MulticastFormat.RTP).sdp();

        assertTrue(sdp.contains("\r\nm=video 5004 RTP/AVP 33\r\na=rtpmap:33 MP2T/90000\r\n"), sdp);
    }

    @Test
    void aLineBreakInTheNameCannotAddSdpLines() {
        SessionAnnouncement session = new SessionAnnouncement(
                1,
                "News\r\nc=IN IP4 1.2.3.4",
                ORIGIN,
                session(1, MulticastFormat.UDP).settings());

        assertTrue(session.sdp().contains("\r\ns=News c=IN IP4 1.2.3.4\r\n"), session.sdp());
        assertEquals(1, session.sdp().split("\r\nc=").length - 1);
    }

    @Test
    void announcesAndDeletesOverLoopback() throws Exception {
        InetAddress group = MulticastReceiver.randomGroup();
        int port = FreePorts.next();
        SessionAnnouncement session = session(99, MulticastFormat.RTP);
        try (MulticastReceiver receiver = MulticastReceiver.join(group, port);
                SapAnnouncer cut =
                        new SapAnnouncer(MulticastReceiver.loopback(), 1, new InetSocketAddress(group, port))) {
            cut.announce(session);
            cut.delete(session);
            Await.until("both packets", Duration.ofSeconds(5), () -> receiver.count() == 2);

            assertEquals(false, Sap.parse(receiver.datagrams().get(0).bytes()).deletion);
            assertEquals(true, Sap.parse(receiver.datagrams().get(1).bytes()).deletion);
            assertEquals(session.sdp(), Sap.parse(receiver.datagrams().get(0).bytes()).body);
        }
    }

    private static SessionAnnouncement session(long id, MulticastFormat format) {
        return new SessionAnnouncement(
                id, "News HD", ORIGIN, new SenderSettings(address("239.255.1.2"), 5004, 16, null, format));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A SAP packet read back field by field, as a receiver reads it. */
    private static final class Sap {
        int version;
        boolean ipv6;
        boolean deletion;
        boolean encryptedOrCompressed;
        int authLength;
        int hash;
        InetAddress origin;
        String payloadType;
        String body;

        static Sap parse(byte[] packet) {
            Sap sap = new Sap();
            ByteBuffer b = ByteBuffer.wrap(packet);
            int flags = b.get() & 0xFF;
            sap.version = flags >> 5;
            sap.ipv6 = (flags & 0x10) != 0;
            sap.deletion = (flags & 0x04) != 0;
            sap.encryptedOrCompressed = (flags & 0x03) != 0;
            sap.authLength = b.get() & 0xFF;
            sap.hash = b.getShort() & 0xFFFF;
            byte[] origin = new byte[4];
            b.get(origin);
            sap.origin = address((origin[0] & 0xFF) + "." + (origin[1] & 0xFF) + "." + (origin[2] & 0xFF) + "."
                    + (origin[3] & 0xFF));
            int start = b.position() + sap.authLength * 4;
            int nul = start;
            while (packet[nul] != 0) {
                nul++;
            }
            sap.payloadType = new String(packet, start, nul - start, StandardCharsets.US_ASCII);
            sap.body = new String(Arrays.copyOfRange(packet, nul + 1, packet.length), StandardCharsets.UTF_8);
            return sap;
        }
    }
}
