package org.headend.multicast.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;

/** Sends MPEG-TS to a multicast group, 7 TS packets per datagram. (First cut: not paced yet.) */
public final class MulticastSender implements AutoCloseable {

    static final int PACKETS_PER_DATAGRAM = 7;

    private final DatagramChannel channel;
    private volatile boolean closed;
    private long packets;
    private long bytes;
    private long restarts;
    private int runs;
    private Instant lastSentAt;

    public MulticastSender(SenderSettings settings) throws IOException {
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            if (settings.networkInterface() != null) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, settings.networkInterface());
            }
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, settings.ttl());
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            channel.connect(new InetSocketAddress(settings.group(), settings.port()));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public void send(InputStream ts) throws IOException {
        synchronized (this) {
            if (runs++ > 0) {
                restarts++;
            }
        }
        TsPacketReader reader = new TsPacketReader(ts);
        byte[] datagram = new byte[PACKETS_PER_DATAGRAM * TsPackets.SIZE];
        int count = 0;
        while (!closed && reader.next(datagram, count * TsPackets.SIZE)) {
            if (++count == PACKETS_PER_DATAGRAM) {
                channel.write(ByteBuffer.wrap(datagram));
                synchronized (this) {
                    packets++;
                    bytes += datagram.length;
                    lastSentAt = Instant.now();
                }
                count = 0;
            }
        }
    }

    public synchronized SenderStats stats() {
        return new SenderStats(packets, bytes, 0, 0, 0, restarts, lastSentAt);
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
