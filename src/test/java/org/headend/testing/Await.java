package org.headend.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits on a condition with a deadline, polling: the only way tests here wait for anything. */
public final class Await {

    private Await() {}

    public static <T> T until(String what, Duration deadline, Supplier<T> probe) {
        long end = System.nanoTime() + deadline.toNanos();
        Throwable last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what, last);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            // A polling interval, not a synchronisation: the loop above re-checks the condition.
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
