package org.headend.multicast.control;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import org.headend.multicast.entity.MulticastChannel;

/**
 * A sender's session as SAP announces it and the {@code .sdp} file describes it: named after the
 * stream (and rendition), originating from the interface's IPv4 address, with a session id that
 * stays the same for the sender's life (its creation time in NTP seconds), so a deletion matches
 * the announcements before it.
 */
public final class Sessions {

    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private Sessions() {}

    public static SenderSettings settings(MulticastChannel channel) throws IOException {
        NetworkInterface nic = NetworkInterface.getByName(channel.networkInterface());
        if (nic == null) {
            throw new IOException("the interface " + channel.networkInterface() + " is gone");
        }
        var destination = channel.destination();
        // A literal address: no name is looked up.
        return new SenderSettings(
                InetAddress.getByName(destination.group()), destination.port(), channel.ttl(), nic, channel.format());
    }

    public static SessionAnnouncement announcement(MulticastChannel channel, String streamName, SenderSettings settings)
            throws IOException {
        InetAddress origin = Collections.list(settings.networkInterface().getInetAddresses()).stream()
                .filter(Inet4Address.class::isInstance)
                .findFirst()
                .orElseThrow(() -> new IOException("no IPv4 address on " + channel.networkInterface()));
        return new SessionAnnouncement(
                channel.createdAt().getEpochSecond() + NTP_EPOCH_OFFSET, name(channel, streamName), origin, settings);
    }

    /** What players list: the stream's name, and the rendition when it is one. */
    public static String name(MulticastChannel channel, String streamName) {
        return streamName + (channel.rendition() == null ? "" : " " + channel.rendition());
    }
}
