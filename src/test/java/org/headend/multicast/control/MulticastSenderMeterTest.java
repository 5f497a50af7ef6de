package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SenderMeter: the figures behind MulticastSender.stats(), with times given, not taken. */
class MulticastSenderMeterTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000_000 * MS; // an arbitrary nanoTime origin
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final SenderMeter cut = new SenderMeter();

    @Test
    void nothingSentYet() {
        SenderStats stats = cut.snapshot(T0, NOW);

        assertEquals(0, stats.packets());
        assertEquals(0, stats.bitrateBitsPerSecond());
        assertNull(stats.lastSentAt());
    }

    @Test
    void bitrateIsTheLastFullSecond() {
        cut.runStarted();
        for (int i = 0; i < 400; i++) { // 400 datagrams of 1,316 bytes over one second: 4.2 Mbit/s
            cut.sent(1316, Long.MIN_VALUE, T0 + i * 2_500_000L, 0);
        }

        SenderStats stats = cut.snapshot(T0 + 1000 * MS, NOW);

        assertEquals(400, stats.packets());
        assertEquals(400 * 1316, stats.bytes());
        assertEquals(400 * 1316 * 8.0, stats.bitrateBitsPerSecond(), 1.0);
        assertEquals(NOW.minusNanos(1000 * MS - 399 * 2_500_000L), stats.lastSentAt());
        assertEquals(0, cut.snapshot(T0 + 3000 * MS, NOW).bitrateBitsPerSecond(), "nothing in the last second");
    }

    @Test
    void jitterIsTheSmoothedGapDeviationOfRfc3550() {
        cut.runStarted();
        cut.sent(1316, T0, T0, 0);
        cut.sent(1316, T0 + 10 * MS, T0 + 12 * MS, 2 * MS); // 2 ms late: the gap is 2 ms too long

        SenderStats stats = cut.snapshot(T0 + 20 * MS, NOW);

        assertEquals(2.0 / 16, stats.jitterMillis(), 1e-9);
        assertEquals(2.0, stats.pcrDriftMillis(), 1e-9);
        assertEquals(2.01, cut.gapDeviationMillis(0.99), 1e-9, "the 10 us step holding 2 ms");
    }

    @Test
    void noGapIsMeasuredAcrossARestartAndTheRestartIsCounted() {
        cut.runStarted();
        cut.sent(1316, T0, T0, 0);
        cut.runStarted();
        cut.sent(1316, T0 + 5000 * MS, T0 + 1 * MS, 0); // a new run's schedule has nothing to do with the old

        SenderStats stats = cut.snapshot(T0 + 20 * MS, NOW);

        assertEquals(0, stats.jitterMillis());
        assertEquals(1, stats.sourceRestarts());
    }
}
