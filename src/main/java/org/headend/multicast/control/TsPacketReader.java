package org.headend.multicast.control;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole 188-byte TS packets from a byte stream that may start mid-packet or carry garbage (a restarting
 * ffmpeg, a cut file): a packet is accepted only where a sync byte starts it, and after a loss of sync the reader
 * slides to the next 0x47 instead of handing on misaligned bytes.
 */
final class TsPacketReader {

    private final InputStream in;
    private long resyncs;

    TsPacketReader(InputStream in) {
        this.in = in;
    }

    /** Fills dst[off..off+188) with the next packet; false at the end of the stream. */
    boolean next(byte[] dst, int off) throws IOException {
        int filled = in.readNBytes(dst, off, TsPackets.SIZE);
        while (true) {
            if (filled < TsPackets.SIZE) {
                return false; // a packet cut by the end of the stream is not sent
            }
            if ((dst[off] & 0xFF) == TsPackets.SYNC) {
                return true;
            }
            resyncs++;
            int sync = 1;
            while (sync < TsPackets.SIZE && (dst[off + sync] & 0xFF) != TsPackets.SYNC) {
                sync++;
            }
            int kept = TsPackets.SIZE - sync;
            System.arraycopy(dst, off + sync, dst, off, kept);
            filled = kept + in.readNBytes(dst, off + kept, sync);
        }
    }

    /** How many times sync was lost and searched for again. */
    long resyncs() {
        return resyncs;
    }
}
