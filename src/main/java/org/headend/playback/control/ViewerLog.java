package org.headend.playback.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives nginx's playlist requests as syslog datagrams on a loopback port of its own and counts
 * viewers from them. Over UDP, so nginx never waits on the app and nothing piles up on disk; a
 * datagram lost under load only makes a viewer count late, never a player fail.
 */
@ApplicationScoped
public class ViewerLog {

    private static final Logger LOG = Logger.getLogger(ViewerLog.class.getName());

    @Inject
    @ConfigProperty(name = "headend.playback.viewer-window", defaultValue = "PT6S")
    Duration window;

    @Resource
    ManagedThreadFactory threads;

    private DatagramSocket socket;
    private ViewerCount count;

    @PostConstruct
    void listen() {
        count = new ViewerCount(window);
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the viewer log port", e);
        }
        Thread reader = threads.newThread(this::receive);
        reader.setName("viewer-log");
        reader.start();
    }

    /** The loopback UDP port nginx sends its playlist log to. */
    public int port() {
        return socket.getLocalPort();
    }

    public int viewers(String stream) {
        return count.of(stream, Instant.now());
    }

    public void forget(String stream) {
        count.forget(stream);
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warning("Viewer log: " + e.getMessage());
                }
                continue;
            }
            ViewerLine.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
                    .ifPresent(line -> count.saw(line, Instant.now()));
        }
    }

    @PreDestroy
    void close() {
        socket.close();
    }
}
