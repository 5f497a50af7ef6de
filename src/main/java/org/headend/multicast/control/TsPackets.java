package org.headend.multicast.control;

/**
 * Field access on one 188-byte MPEG-TS packet (ISO/IEC 13818-1, 2.4.3) held in a byte array at an offset: what
 * pacing and continuity rewriting need, nothing more.
 */
final class TsPackets {

    static final int SIZE = 188;
    static final int SYNC = 0x47;
    static final int NULL_PID = 0x1FFF;
    /** PCR runs at 27 MHz and wraps at 2^33 * 300 (its 33-bit base times its 300-step extension). */
    static final long PCR_HZ = 27_000_000L;

    static final long PCR_MODULUS = (1L << 33) * 300;

    private TsPackets() {}

    static int pid(byte[] p, int off) {
        return ((p[off + 1] & 0x1F) << 8) | (p[off + 2] & 0xFF);
    }

    static boolean payloadUnitStart(byte[] p, int off) {
        return (p[off + 1] & 0x40) != 0;
    }

    static boolean hasAdaptation(byte[] p, int off) {
        return (p[off + 3] & 0x20) != 0;
    }

    static boolean hasPayload(byte[] p, int off) {
        return (p[off + 3] & 0x10) != 0;
    }

    static int continuityCounter(byte[] p, int off) {
        return p[off + 3] & 0x0F;
    }

    static void setContinuityCounter(byte[] p, int off, int cc) {
        p[off + 3] = (byte) ((p[off + 3] & 0xF0) | (cc & 0x0F));
    }

    private static int adaptationLength(byte[] p, int off) {
        return hasAdaptation(p, off) ? p[off + 4] & 0xFF : 0;
    }

    /** The discontinuity_indicator: the sender's time base changed at this packet. */
    static boolean discontinuity(byte[] p, int off) {
        return adaptationLength(p, off) > 0 && (p[off + 5] & 0x80) != 0;
    }

    /** Sets the discontinuity_indicator of a packet that has an adaptation field. */
    static void markDiscontinuity(byte[] p, int off) {
        if (adaptationLength(p, off) > 0) {
            p[off + 5] |= (byte) 0x80;
        }
    }

    /** The PCR in 27 MHz ticks, or -1 when the packet carries none. */
    static long pcr(byte[] p, int off) {
        if (adaptationLength(p, off) < 7 || (p[off + 5] & 0x10) == 0) {
            return -1;
        }
        int b = off + 6;
        long base = ((p[b] & 0xFFL) << 25)
                | ((p[b + 1] & 0xFFL) << 17)
                | ((p[b + 2] & 0xFFL) << 9)
                | ((p[b + 3] & 0xFFL) << 1)
                | ((p[b + 4] & 0x80L) >> 7);
        long extension = ((p[b + 4] & 0x01L) << 8) | (p[b + 5] & 0xFFL);
        return base * 300 + extension;
    }

    /** Ticks from {@code from} to {@code to}, forward, across the wrap. */
    static long pcrDistance(long from, long to) {
        return Math.floorMod(to - from, PCR_MODULUS);
    }

    /** Offset of the payload inside the packet, or -1 when there is none. */
    static int payloadOffset(byte[] p, int off) {
        if (!hasPayload(p, off)) {
            return -1;
        }
        int start = 4 + (hasAdaptation(p, off) ? 1 + adaptationLength(p, off) : 0);
        return start < SIZE ? start : -1;
    }
}
