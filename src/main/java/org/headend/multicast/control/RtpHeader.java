package org.headend.multicast.control;

/** The fixed 12-byte RTP header (RFC 3550, 5.1) for MPEG-TS as RFC 2250 carries it: payload type 33, no marker. */
final class RtpHeader {

    static final int SIZE = 12;
    static final int PAYLOAD_TYPE = 33;

    private RtpHeader() {}

    static void write(byte[] b, int sequence, int timestamp, int ssrc) {
        b[0] = (byte) 0x80; // version 2, no padding, no extension, no CSRC
        b[1] = (byte) PAYLOAD_TYPE; // marker 0: RFC 2250 leaves it unused for MP2T
        b[2] = (byte) (sequence >>> 8);
        b[3] = (byte) sequence;
        putInt(b, 4, timestamp);
        putInt(b, 8, ssrc);
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
