package org.headend.multicast.control;

import java.io.ByteArrayOutputStream;

/** Hand-made TS packets for the unit tests: just the header fields the sender reads. */
final class SampleTs {

    private SampleTs() {}

    /** A packet with payload on pid, counter cc. */
    static byte[] payload(int pid, int cc) {
        byte[] p = base(pid);
        p[3] = (byte) (0x10 | (cc & 0x0F));
        return p;
    }

    /** An adaptation-only packet (no payload) on pid, counter cc. */
    static byte[] adaptationOnly(int pid, int cc) {
        byte[] p = base(pid);
        p[3] = (byte) (0x20 | (cc & 0x0F));
        p[4] = (byte) 183;
        p[5] = 0;
        return p;
    }

    /** A packet with payload and a PCR (27 MHz ticks) in its adaptation field. */
    static byte[] pcr(int pid, int cc, long pcr, boolean discontinuity) {
        byte[] p = base(pid);
        p[3] = (byte) (0x30 | (cc & 0x0F));
        p[4] = 7;
        p[5] = (byte) (0x10 | (discontinuity ? 0x80 : 0));
        long base = pcr / 300;
        long extension = pcr % 300;
        p[6] = (byte) (base >>> 25);
        p[7] = (byte) (base >>> 17);
        p[8] = (byte) (base >>> 9);
        p[9] = (byte) (base >>> 1);
        p[10] = (byte) (((base & 1) << 7) | 0x7E | (extension >>> 8));
        p[11] = (byte) extension;
        return p;
    }

    /** A PAT naming pmtPid as program 1's PMT. */
    static byte[] pat(int pmtPid) {
        byte[] p = base(0);
        p[1] |= 0x40;
        p[3] = 0x10;
        byte[] section = {
            0,
            0x00,
            (byte) 0xB0,
            13,
            0,
            1,
            (byte) 0xC1,
            0,
            0,
            0,
            1,
            (byte) (0xE0 | (pmtPid >> 8)),
            (byte) pmtPid,
            0,
            0,
            0,
            0
        };
        System.arraycopy(section, 0, p, 4, section.length);
        return p;
    }

    /** A PMT on pmtPid whose PCR_PID is pcrPid. */
    static byte[] pmt(int pmtPid, int pcrPid) {
        byte[] p = base(pmtPid);
        p[1] |= 0x40;
        p[3] = 0x10;
        byte[] section = {
            0,
            0x02,
            (byte) 0xB0,
            13,
            0,
            1,
            (byte) 0xC1,
            0,
            0,
            (byte) (0xE0 | (pcrPid >> 8)),
            (byte) pcrPid,
            (byte) 0xF0,
            0,
            0,
            0,
            0,
            0
        };
        System.arraycopy(section, 0, p, 4, section.length);
        return p;
    }

    static byte[] concat(byte[]... packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] base(int pid) {
        byte[] p = new byte[188];
        java.util.Arrays.fill(p, (byte) 0xFF);
        p[0] = 0x47;
        p[1] = (byte) ((pid >> 8) & 0x1F);
        p[2] = (byte) pid;
        return p;
    }
}
