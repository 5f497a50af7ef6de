package org.headend.multicast.control;

/**
 * The IPv4 multicast groups senders are given when they name none, written as a CIDR block such as
 * {@code 239.255.0.0/24} (the organisation-local scope) in {@code headend.multicast.range}.
 */
public record GroupRange(long base, int prefix) {

    private static final long MULTICAST_BASE = 0xE0000000L; // 224.0.0.0/4

    public static GroupRange parse(String key, String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            long address = Ipv4.parse(parts[0]);
            int prefix = Integer.parseInt(parts[1]);
            if (prefix < 4 || prefix > 32) {
                throw new IllegalArgumentException();
            }
            long mask = mask(prefix);
            if ((address & mask) != address || (address & 0xF0000000L) != MULTICAST_BASE) {
                throw new IllegalArgumentException();
            }
            return new GroupRange(address, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    key + " must be a block of IPv4 multicast addresses such as 239.255.0.0/24, not '" + text + "'");
        }
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    /**
     * The n-th group handed out. A block's first address (its ".0") comes last, so a /24 begins at
     * .1 as people number channels.
     */
    public String group(long n) {
        long offset = size() == 1 ? 0 : (n + 1) % size();
        return Ipv4.format(base + offset);
    }

    public boolean contains(String group) {
        return (Ipv4.parse(group) & mask(prefix)) == base;
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return Ipv4.format(base) + "/" + prefix;
    }
}
