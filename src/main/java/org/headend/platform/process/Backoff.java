package org.headend.platform.process;

import java.time.Duration;

/** Exponential restart delays, from an initial delay doubling up to a ceiling. */
public record Backoff(Duration initial, Duration max) {

    /** The delay before restart number {@code attempt} (1 for the first restart). */
    public Duration delay(int attempt) {
        long millis = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
