package org.headend.multicast.control;

import java.net.InetAddress;
import java.net.NetworkInterface;
import org.headend.multicast.entity.MulticastFormat;

/** Where and how one sender sends. networkInterface null means the system's choice. */
public record SenderSettings(
        InetAddress group, int port, int ttl, NetworkInterface networkInterface, MulticastFormat format) {}
