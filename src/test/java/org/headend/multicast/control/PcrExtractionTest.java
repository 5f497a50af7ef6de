package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TsPackets' PCR reading and the distance between PCRs across the 2^33 * 300 wrap. */
class PcrExtractionTest {

    @Test
    void readsBaseAndExtension() {
        long pcr = 8_589_934_591L * 300 + 299; // the largest PCR: every bit of base and extension set
        assertEquals(pcr, TsPackets.pcr(SampleTs.pcr(256, 0, pcr, false), 0));
        assertEquals(123_456_789L, TsPackets.pcr(SampleTs.pcr(256, 0, 123_456_789L, false), 0));
    }

    @Test
    void noPcrWithoutTheFlag() {
        assertEquals(-1, TsPackets.pcr(SampleTs.payload(256, 0), 0));
        assertEquals(-1, TsPackets.pcr(SampleTs.adaptationOnly(256, 0), 0));
    }

    @Test
    void readsTheDiscontinuityIndicator() {
        assertTrue(TsPackets.discontinuity(SampleTs.pcr(256, 0, 1, true), 0));
        assertFalse(TsPackets.discontinuity(SampleTs.pcr(256, 0, 1, false), 0));
    }

    @Test
    void distanceRunsForwardAcrossTheWrap() {
        long last = TsPackets.PCR_MODULUS - 27_000; // 1 ms before the wrap
        assertEquals(54_000, TsPackets.pcrDistance(last, 27_000));
        assertEquals(TsPackets.PCR_MODULUS - 27_000, TsPackets.pcrDistance(27_000, 0), "a step back is far forward");
    }
}
