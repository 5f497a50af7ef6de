package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Joins a multicast group on the loopback interface and keeps every datagram with the System.nanoTime it was
 * received at, taken by a thread that does nothing else: what the multicast tests and benches measure.
 */
public final class MulticastReceiver implements AutoCloseable {

    /** One datagram as received. */
    public record Datagram(long receivedNanos, byte[] bytes) {}

    private final DatagramChannel channel;
    private final Thread thread;
    private final List<Datagram> received = new ArrayList<>();
    private final boolean keepBytes;
    private long count;
    private long bytes;

    private MulticastReceiver(InetAddress group, int port, boolean keepBytes) throws IOException {
        this.keepBytes = keepBytes;
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
        channel.bind(new InetSocketAddress(port));
        channel.join(group, loopback());
        thread = new Thread(this::receive, "multicast-receiver-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    /** A receiver that keeps the bytes of every datagram. */
    public static MulticastReceiver join(InetAddress group, int port) throws IOException {
        return new MulticastReceiver(group, port, true);
    }

    /** A receiver that keeps times, sizes and the first 16 bytes (headers) only: for long runs. */
    public static MulticastReceiver joinLight(InetAddress group, int port) throws IOException {
        return new MulticastReceiver(group, port, false);
    }

    public static NetworkInterface loopback() throws SocketException {
        return NetworkInterface.getByName("lo");
    }

    /** A group in the organisation-local scope 239.255.0.0/16 that other runs are unlikely to use. */
    public static InetAddress randomGroup() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(
                    new byte[] {(byte) 239, (byte) 255, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255)});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
        while (true) {
            try {
                buffer.clear();
                channel.receive(buffer);
                long now = System.nanoTime();
                buffer.flip();
                byte[] copy = new byte[keepBytes ? buffer.remaining() : Math.min(16, buffer.remaining())];
                int size = buffer.remaining();
                buffer.get(copy);
                synchronized (this) {
                    received.add(new Datagram(now, keepBytes ? copy : withSize(copy, size)));
                    count++;
                    bytes += size;
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    // A light record keeps the header bytes but must still tell the datagram's size.
    private static byte[] withSize(byte[] head, int size) {
        byte[] b = new byte[head.length + 4];
        System.arraycopy(head, 0, b, 4, head.length);
        ByteBuffer.wrap(b).putInt(size);
        return b;
    }

    /** The size of a datagram recorded by a light receiver. */
    public static int lightSize(Datagram d) {
        return ByteBuffer.wrap(d.bytes()).getInt();
    }

    public synchronized long count() {
        return count;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized List<Datagram> datagrams() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        thread.join(5000);
    }
}
