package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PcrPidSelectorTest {

    private final PcrPidSelector cut = new PcrPidSelector();

    @Test
    void takesThePcrPidFromThePmt() {
        observe(SampleTs.pcr(300, 0, 1000, false)); // another PID with a PCR comes first
        observe(SampleTs.pat(4096));
        observe(SampleTs.pmt(4096, 256));
        observe(SampleTs.pcr(300, 1, 2000, false));

        assertTrue(cut.isPcrPid(256));
        assertFalse(cut.isPcrPid(300));
    }

    @Test
    void withoutAPmtTakesTheFirstPidCarryingAPcr() {
        observe(SampleTs.payload(257, 0));
        observe(SampleTs.pcr(258, 0, 1000, false));
        observe(SampleTs.pcr(259, 0, 1000, false));

        assertEquals(258, cut.pcrPid());
    }

    @Test
    void forgetsThePidOnRestart() {
        observe(SampleTs.pcr(258, 0, 1000, false));
        cut.restart();
        observe(SampleTs.pcr(259, 0, 1000, false));

        assertEquals(259, cut.pcrPid());
    }

    private void observe(byte[] packet) {
        cut.observe(packet, 0);
    }
}
