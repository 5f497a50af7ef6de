package org.headend.output.control;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Cheap checks that a destination is back, made between retries so a returning destination is
 * used within a second rather than at the end of a long backoff: a TCP connect for RTMP and RTSP,
 * an SRT induction handshake (one UDP datagram and its answer) for an SRT listener.
 */
final class Reachability {

    private static final int TIMEOUT_MILLIS = 400;

    private Reachability() {}

    /** True when the destination answers; for kinds that cannot be probed (UDP), always true. */
    static boolean probe(OutputUrl destination) {
        if (destination.tcp()) {
            return tcp(destination.host(), destination.port());
        }
        if (destination.scheme().equals("srt") && !destination.srtListener()) {
            return srt(destination.host(), destination.port());
        }
        return true;
    }

    static boolean tcp(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }

    /** An SRT v4 induction request (RFC draft-sharabayko-srt, 3.2.1); any handshake answer counts. */
    static boolean srt(String host, int port) {
        ByteBuffer packet = ByteBuffer.allocate(64);
        packet.putInt(0x80000000); // control packet, type 0: handshake
        packet.putInt(0); // type-specific
        packet.putInt(0); // timestamp
        packet.putInt(0); // destination socket id: 0 for induction
        packet.putInt(4); // version 4
        packet.putShort((short) 2); // encryption field 0, extension field 2 (induction)
        packet.putShort((short) 0);
        packet.putInt(0x12345678); // initial sequence number
        packet.putInt(1500); // MTU
        packet.putInt(8192); // flow window
        packet.putInt(1); // handshake type: induction
        packet.putInt(0x2468ace); // our socket id
        packet.putInt(0); // SYN cookie
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.send(new DatagramPacket(packet.array(), packet.capacity(), new InetSocketAddress(host, port)));
            byte[] answer = new byte[128];
            socket.receive(new DatagramPacket(answer, answer.length));
            return (answer[0] & 0x80) != 0;
        } catch (SocketTimeoutException silent) {
            return false;
        } catch (IOException unreachable) {
            return false;
        }
    }
}
