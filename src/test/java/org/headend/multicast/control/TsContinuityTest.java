package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ContinuityRewriter: counters on the wire continue across a source restart. */
class TsContinuityTest {

    private final ContinuityRewriter cut = new ContinuityRewriter();

    @Test
    void theFirstRunIsLeftAsItIs() {
        assertEquals(5, rewrite(SampleTs.payload(256, 5)));
        assertEquals(6, rewrite(SampleTs.payload(256, 6)));
        assertEquals(6, rewrite(SampleTs.adaptationOnly(256, 6)));
    }

    @Test
    void aRestartContinuesFromTheLastCounterSent() {
        rewrite(SampleTs.payload(256, 10));
        rewrite(SampleTs.payload(256, 11));
        rewrite(SampleTs.payload(257, 3));
        cut.restart();

        assertEquals(12, rewrite(SampleTs.payload(256, 0)), "a restarted ffmpeg starts at 0");
        assertEquals(13, rewrite(SampleTs.payload(256, 1)));
        assertEquals(4, rewrite(SampleTs.payload(257, 0)));
        assertEquals(15, rewrite(SampleTs.payload(256, 3)), "a skip in the source stays visible");
        assertEquals(0, rewrite(SampleTs.payload(256, 4)), "the counter wraps at 16");
    }

    @Test
    void theFirstPcrAfterARestartMarksTheNewTimeBase() {
        byte[] before = SampleTs.pcr(256, 1, 27_000_000L * 100, false);
        cut.rewrite(before, 0);
        assertEquals(false, TsPackets.discontinuity(before, 0), "the first run's clock is the clock");
        cut.restart();

        byte[] first = SampleTs.pcr(256, 0, 27_000_000L, false);
        byte[] second = SampleTs.pcr(256, 1, 27_000_000L + 2_700_000, false);
        cut.rewrite(first, 0);
        cut.rewrite(second, 0);

        assertEquals(true, TsPackets.discontinuity(first, 0), "the restarted source's clock went back");
        assertEquals(false, TsPackets.discontinuity(second, 0));
        assertEquals(27_000_000L, TsPackets.pcr(first, 0), "the PCR itself is kept");
    }

    @Test
    void anAdaptationOnlyFirstPacketRepeatsTheLastCounter() {
        rewrite(SampleTs.payload(256, 9));
        cut.restart();

        assertEquals(9, rewrite(SampleTs.adaptationOnly(256, 0)));
        assertEquals(10, rewrite(SampleTs.payload(256, 1)));
    }

    @Test
    void aNewPidKeepsItsOwnCounters() {
        rewrite(SampleTs.payload(256, 9));
        cut.restart();

        assertEquals(7, rewrite(SampleTs.payload(300, 7)));
    }

    @Test
    void nullPacketsAreNotTouched() {
        rewrite(SampleTs.payload(0x1FFF, 9));
        cut.restart();

        assertEquals(3, rewrite(SampleTs.payload(0x1FFF, 3)));
    }

    private int rewrite(byte[] packet) {
        cut.rewrite(packet, 0);
        return TsPackets.continuityCounter(packet, 0);
    }
}
