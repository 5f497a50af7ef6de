package org.headend.testing;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A multicast receiver that keeps every datagram as it arrived, run as its own JVM inside a
 * network namespace ({@code ip netns exec ns java ... MulticastCapture nic group port file}): it joins
 * the group on the interface and appends each datagram, length first, to the file until killed.
 * Tests read the file with {@link #datagrams(Path)} to compare receivers byte for byte.
 */
public final class MulticastCapture {

    private MulticastCapture() {}

    public static void main(String[] args) throws IOException {
        NetworkInterface nic = NetworkInterface.getByName(args[0]);
        InetAddress group = InetAddress.getByName(args[1]);
        int port = Integer.parseInt(args[2]);
        try (var socket = new MulticastSocket(port);
                var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[3])))) {
            // As a set-top box would: room for a burst while this JVM writes to its file.
            socket.setReceiveBufferSize(4 << 20);
            socket.joinGroup(new InetSocketAddress(group, 0), nic);
            byte[] buffer = new byte[65536];
            var packet = new DatagramPacket(buffer, buffer.length);
            System.out.println("joined");
            System.out.flush();
            while (true) {
                packet.setLength(buffer.length);
                socket.receive(packet);
                out.writeInt(packet.getLength());
                out.write(buffer, 0, packet.getLength());
                out.flush();
            }
        }
    }

    /** The datagrams captured so far, in arrival order; a half-written last one is left out. */
    public static List<byte[]> datagrams(Path file) {
        List<byte[]> all = new ArrayList<>();
        try (var in = new DataInputStream(Files.newInputStream(file))) {
            while (true) {
                int length = in.readInt();
                byte[] datagram = new byte[length];
                in.readFully(datagram);
                all.add(datagram);
            }
        } catch (EOFException end) {
            return all;
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }
}
