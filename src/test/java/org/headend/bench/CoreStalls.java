package org.headend.bench;

import java.util.Locale;

/** Spins on System.nanoTime for 3 s and counts the gaps: time the thread was not running. */
public final class CoreStalls {

    private CoreStalls() {}

    public static void main(String[] args) {
        long end = System.nanoTime() + 3_000_000_000L;
        long last = System.nanoTime();
        long over100us = 0;
        long over1ms = 0;
        long max = 0;
        for (long t = last; t < end; t = System.nanoTime()) {
            long gap = t - last;
            last = t;
            over100us += gap > 100_000 ? 1 : 0;
            over1ms += gap > 1_000_000 ? 1 : 0;
            max = Math.max(max, gap);
        }
        System.out.printf(
                Locale.ROOT,
                "noise: a thread spinning 3 s on the sender core was stalled %d times > 0.1 ms, %d times > 1 ms,"
                        + " longest %.1f ms (load average %s)%n",
                over100us,
                over1ms,
                max / 1e6,
                MulticastBench.loadAverage());
    }
}
