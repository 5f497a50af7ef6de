package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcrPacerTest {

    private static final long DELAY = 200_000_000L;
    private static final long MS_TICKS = 27_000; // one millisecond of PCR
    private static final long NOW = 5_000_000_000L;

    private final PcrPacer cut = new PcrPacer(DELAY);

    @Test
    void beforeTheFirstPcrEverythingGoesAtOnce() {
        assertEquals(PcrPacer.IMMEDIATE, cut.due(0));
        assertEquals(PcrPacer.IMMEDIATE, cut.extrapolate(1316));
    }

    @Test
    void theFirstPcrIsDueAfterTheBufferingDelay() {
        cut.pcr(1880, 1_000_000, false, NOW);

        assertEquals(NOW + DELAY, cut.due(1880));
        assertEquals(PcrPacer.NOT_YET, cut.due(1880 + 188));
    }

    @Test
    void bytesBetweenTwoPcrsAreSpreadEvenly() {
        cut.pcr(0, 1_000_000, false, NOW);
        cut.pcr(18_800, 1_000_000 + 10 * MS_TICKS, false, NOW + 1);

        assertEquals(NOW + DELAY, cut.due(0));
        assertEquals(NOW + DELAY + 5_000_000, cut.due(9_400));
        assertEquals(NOW + DELAY + 10_000_000, cut.due(18_800));
        assertEquals(NOW + DELAY + 15_000_000, cut.extrapolate(28_200), "the last rate continues");
    }

    @Test
    void theWrapIsNotAJump() {
        long beforeWrap = TsPackets.PCR_MODULUS - 4 * MS_TICKS;
        cut.pcr(0, beforeWrap, false, NOW);
        cut.pcr(1880, 6 * MS_TICKS, false, NOW);

        assertEquals(NOW + DELAY + 10_000_000, cut.due(1880));
        assertEquals(0, cut.resyncs());
    }

    @Test
    void aJumpForwardReanchorsAtTheRateSoFar() {
        cut.pcr(0, 1_000_000, false, NOW);
        cut.pcr(1880, 1_000_000 + 10 * MS_TICKS, false, NOW); // 188 bytes per millisecond
        cut.pcr(3760, 1_000_000 + 5_000 * MS_TICKS, false, NOW); // five seconds later: an edited source

        assertEquals(NOW + DELAY + 20_000_000, cut.due(3760), "neither a 5 s stall nor a burst");
        cut.pcr(5640, 1_000_000 + 5_010 * MS_TICKS, false, NOW);
        assertEquals(NOW + DELAY + 30_000_000, cut.due(5640), "paced again from the new anchor");
        assertEquals(1, cut.resyncs());
    }

    @Test
    void aStepBackReanchors() {
        cut.pcr(0, 100 * MS_TICKS, false, NOW);
        cut.pcr(1880, 110 * MS_TICKS, false, NOW);
        cut.pcr(3760, 50 * MS_TICKS, false, NOW);

        assertEquals(NOW + DELAY + 20_000_000, cut.due(3760));
        assertEquals(1, cut.resyncs());
    }

    @Test
    void theDiscontinuityIndicatorReanchorsEvenForASmallStep() {
        cut.pcr(0, 100 * MS_TICKS, false, NOW);
        cut.pcr(1880, 110 * MS_TICKS, false, NOW);
        cut.pcr(3760, 500 * MS_TICKS, true, NOW);

        assertEquals(NOW + DELAY + 20_000_000, cut.due(3760));
        assertEquals(1, cut.resyncs());
    }

    @Test
    void aShiftMovesEveryLaterInstantAndIsPaidBackAtFivePercent() {
        cut.pcr(0, 0, false, NOW);
        cut.shift(30_000_000);
        cut.pcr(1880, 100 * MS_TICKS, false, NOW);

        assertEquals(NOW + DELAY + 125_000_000, cut.due(1880), "100 ms of stream in 95 ms while behind");
        assertEquals(25_000_000, cut.shiftedSinceAnchor());
        for (int i = 2; i <= 7; i++) {
            cut.pcr(1880L * i, i * 100 * MS_TICKS, false, NOW);
        }
        assertEquals(0, cut.shiftedSinceAnchor());
        assertEquals(NOW + DELAY + 700_000_000, cut.due(1880 * 7), "back on the stream's own clock");
    }

    @Test
    void aRestartAnchorsAgainAtTheNextPcr() {
        cut.pcr(0, 0, false, NOW);
        cut.pcr(1880, 10 * MS_TICKS, false, NOW);
        cut.restart();

        assertEquals(PcrPacer.IMMEDIATE, cut.due(0));
        cut.pcr(376, 999 * MS_TICKS, false, NOW + 7_000_000_000L);
        assertEquals(NOW + 7_000_000_000L + DELAY, cut.due(376));
        assertEquals(0, cut.resyncs(), "a restart is not a jump within a run");
    }
}
