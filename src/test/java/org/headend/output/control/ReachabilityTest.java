package org.headend.output.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    @Test
    void anRtspServerIsProbedWithATcpConnect() throws Exception {
        int port;
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertTrue(Reachability.probe(OutputUrl.parse("rtsp://127.0.0.1:" + port + "/live")), "listening");
        }
        assertFalse(Reachability.probe(OutputUrl.parse("rtsp://127.0.0.1:" + port + "/live")), "closed");
    }

    @Test
    void udpCannotBeProbedAndCountsAsReachable() {
        assertTrue(Reachability.probe(OutputUrl.parse("udp://127.0.0.1:9")));
    }
}
