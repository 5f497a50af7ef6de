package org.headend.multicast.control;

/**
 * Finds the PID whose PCR clocks the programme: the PCR_PID of the first programme's PMT (found through the PAT),
 * or, until a PMT has been read or when there is none, the first PID seen carrying a PCR. Other PIDs may carry PCRs
 * of their own time base, and pacing by two clocks at once would make the schedule jump back and forth.
 */
final class PcrPidSelector {

    private int pmtPid = -1;
    private int pcrPid = -1;

    void restart() {
        pmtPid = -1;
        pcrPid = -1;
    }

    void observe(byte[] p, int off) {
        int pid = TsPackets.pid(p, off);
        if (pid == 0 && TsPackets.payloadUnitStart(p, off)) {
            int section = sectionStart(p, off);
            if (section > 0 && (p[section] & 0xFF) == 0x00) {
                pmtPid = firstPmtPid(p, off, section);
            }
        } else if (pid == pmtPid && TsPackets.payloadUnitStart(p, off)) {
            int section = sectionStart(p, off);
            if (section > 0 && (p[section] & 0xFF) == 0x02 && section + 10 <= off + TsPackets.SIZE) {
                int fromPmt = ((p[section + 8] & 0x1F) << 8) | (p[section + 9] & 0xFF);
                if (fromPmt != TsPackets.NULL_PID) {
                    pcrPid = fromPmt;
                }
            }
        } else if (pcrPid < 0 && TsPackets.pcr(p, off) >= 0) {
            pcrPid = pid;
        }
    }

    boolean isPcrPid(int pid) {
        return pid == pcrPid;
    }

    int pcrPid() {
        return pcrPid;
    }

    /** Absolute index of the PSI section's table_id, after the pointer field; -1 when it is not in this packet. */
    private static int sectionStart(byte[] p, int off) {
        int payload = TsPackets.payloadOffset(p, off);
        if (payload < 0) {
            return -1;
        }
        int start = off + payload + 1 + (p[off + payload] & 0xFF);
        return start + 12 <= off + TsPackets.SIZE ? start : -1;
    }

    private static int firstPmtPid(byte[] p, int off, int section) {
        int length = ((p[section + 1] & 0x0F) << 8) | (p[section + 2] & 0xFF);
        int end = Math.min(section + 3 + length - 4, off + TsPackets.SIZE); // before the CRC
        for (int i = section + 8; i + 4 <= end; i += 4) {
            int program = ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
            if (program != 0) { // program 0 points at the network information table, not a PMT
                return ((p[i + 2] & 0x1F) << 8) | (p[i + 3] & 0xFF);
            }
        }
        return -1;
    }
}
