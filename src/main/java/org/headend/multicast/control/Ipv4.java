package org.headend.multicast.control;

import java.util.regex.Pattern;

/**
 * Dotted IPv4 addresses as numbers, parsed without {@code InetAddress.getByName}, which would look
 * a name up in DNS when given one.
 */
final class Ipv4 {

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Ipv4() {}

    /** The address as an unsigned 32-bit number; IllegalArgumentException if it is not one. */
    static long parse(String text) {
        var m = DOTTED.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
