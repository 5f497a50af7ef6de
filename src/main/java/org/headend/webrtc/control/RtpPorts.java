package org.headend.webrtc.control;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * Local UDP ports for one bridge's RTP: video on an even port, audio two above, each with the
 * port above it free for RTCP (ffmpeg binds RTP port + 1 too). Found by binding them all at once
 * and letting go just before ffmpeg takes them; a rare race with another program is caught by
 * the bridge failing to start, and the session then ends with an error.
 */
public record RtpPorts(int video, int audio) {

    private static final int ATTEMPTS = 20;

    public static RtpPorts take() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base;
            try (var probe = new DatagramSocket(0)) {
                base = probe.getLocalPort() & ~1;
            }
            if (base + 3 > 65535) {
                continue;
            }
            if (allFree(base, 4)) {
                return new RtpPorts(base, base + 2);
            }
        }
        throw new IOException("no four free UDP ports in a row for RTP");
    }

    private static boolean allFree(int first, int count) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int port = first; port < first + count; port++) {
                var socket = new DatagramSocket(null);
                held.add(socket);
                socket.bind(new InetSocketAddress(port));
            }
            return true;
        } catch (SocketException taken) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }
}
