package org.headend.multicast.control;

import java.util.Arrays;

/**
 * Keeps each PID's continuity counter continuous on the wire across source restarts. A restarted ffmpeg starts its
 * counters anew, which receivers count as lost packets; so at the first packet of a PID in a run the rewriter picks
 * the offset that continues from the last counter sent, and applies that same offset for the rest of the run, which
 * keeps the source's own sequence (and any real loss in it) visible. A packet with payload takes the next counter,
 * an adaptation-only one repeats the last (ISO/IEC 13818-1, 2.4.3.3). The restarted source's clock starts anew too:
 * the first PCR of each PID after a restart carries the discontinuity_indicator, so receivers take the new time base
 * (2.4.3.5) instead of reading a clock that jumped back as a fault.
 */
final class ContinuityRewriter {

    private final int[] lastSent = new int[8192];
    private final int[] offset = new int[8192];
    private final boolean[] seenInRun = new boolean[8192];
    private final boolean[] newTimeBase = new boolean[8192];

    ContinuityRewriter() {
        Arrays.fill(lastSent, -1);
    }

    /** A new run of the source begins: offsets are chosen again at each PID's first packet. */
    void restart() {
        Arrays.fill(seenInRun, false);
        for (int pid = 0; pid < lastSent.length; pid++) {
            newTimeBase[pid] = lastSent[pid] >= 0;
        }
    }

    void rewrite(byte[] p, int off) {
        int pid = TsPackets.pid(p, off);
        if (pid == TsPackets.NULL_PID) {
            return; // null packets carry no meaningful counter
        }
        int in = TsPackets.continuityCounter(p, off);
        if (!seenInRun[pid]) {
            seenInRun[pid] = true;
            if (lastSent[pid] < 0) {
                offset[pid] = 0;
            } else {
                int wanted = TsPackets.hasPayload(p, off) ? lastSent[pid] + 1 : lastSent[pid];
                offset[pid] = wanted - in;
            }
        }
        if (newTimeBase[pid] && TsPackets.pcr(p, off) >= 0) {
            TsPackets.markDiscontinuity(p, off);
            newTimeBase[pid] = false;
        }
        int out = (in + offset[pid]) & 0x0F;
        TsPackets.setContinuityCounter(p, off, out);
        lastSent[pid] = out;
    }
}
