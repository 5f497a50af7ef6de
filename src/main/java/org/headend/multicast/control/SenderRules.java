package org.headend.multicast.control;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Pattern;
import org.headend.multicast.entity.MulticastFormat;
import org.headend.platform.ApiException;

/**
 * What a sender's request must be, checked before anything is stored or started: each refusal is a
 * 400 naming its field, so the API and the console's form say what to fix.
 */
public final class SenderRules {

    public static final int DEFAULT_TTL = 1;
    static final String SAP_GROUP = "224.2.127.254";

    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,14}");
    private static final long LOCAL_CONTROL_BLOCK = 0xE0000000L; // 224.0.0.0/24

    private SenderRules() {}

    /**
     * A literal IPv4 multicast address, or null. The link-local control block 224.0.0.0/24 (routing
     * protocols; never forwarded) and the SAP group itself are refused.
     */
    public static String group(String group) {
        if (group == null) {
            return null;
        }
        try {
            long address = Ipv4.parse(group);
            boolean multicast = (address & 0xF0000000L) == 0xE0000000L;
            boolean control = (address & 0xFFFFFF00L) == LOCAL_CONTROL_BLOCK;
            String canonical = Ipv4.format(address);
            if (multicast && !control && !canonical.equals(SAP_GROUP)) {
                return canonical;
            }
        } catch (IllegalArgumentException notAnAddress) {
            // Refused below.
        }
        throw ApiException.invalid(
                "group",
                "'group' must be an IPv4 multicast address such as 239.255.0.1 (224.0.0.0/24 and the SAP group "
                        + SAP_GROUP + " excluded), not '" + group + "'.");
    }

    public static Integer port(Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw ApiException.invalid("port", "'port' must be 1-65535, not " + port + ".");
        }
        return port;
    }

    public static int ttl(Integer ttl) {
        if (ttl == null) {
            return DEFAULT_TTL;
        }
        if (ttl < 1 || ttl > 255) {
            throw ApiException.invalid("ttl", "'ttl' must be 1-255, not " + ttl + ".");
        }
        return ttl;
    }

    public static MulticastFormat format(String format) {
        if (format == null) {
            return MulticastFormat.UDP;
        }
        return switch (format) {
            case "udp" -> MulticastFormat.UDP;
            case "rtp" -> MulticastFormat.RTP;
            default -> throw ApiException.invalid("format", "'format' must be 'udp' or 'rtp', not '" + format + "'.");
        };
    }

    /**
     * An interface of this host that is up, can send multicast (or is the loopback, which Linux does
     * not flag as multicast-capable yet loops groups back) and has an IPv4 address to send from.
     */
    public static String networkInterface(String name) {
        if (name == null) {
            throw ApiException.invalid(
                    "interface", "'interface' is required: the network interface to send on, such as eth1.");
        }
        String why = "is not a network interface of this host";
        try {
            NetworkInterface nic = INTERFACE.matcher(name).matches() ? NetworkInterface.getByName(name) : null;
            if (nic != null) {
                boolean ipv4 =
                        Collections.list(nic.getInetAddresses()).stream().anyMatch(Inet4Address.class::isInstance);
                if (!nic.isUp()) {
                    why = "is down";
                } else if (!nic.isLoopback() && !nic.supportsMulticast()) {
                    why = "cannot send multicast";
                } else if (!ipv4) {
                    why = "has no IPv4 address";
                } else {
                    return name;
                }
            }
        } catch (SocketException e) {
            why = "cannot be read: " + e.getMessage();
        }
        throw ApiException.invalid("interface", "'interface' " + quoted(name) + " " + why + ".");
    }

    private static String quoted(String name) {
        return "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'";
    }

    /** The format's name as the API writes it. */
    public static String name(MulticastFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
