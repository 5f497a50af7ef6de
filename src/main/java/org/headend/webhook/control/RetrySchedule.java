package org.headend.webhook.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code initial} after the first attempt, doubling each
 * time up to {@code max}, for as long as the next attempt falls within {@code window} of the
 * delivery's creation; after that it is given up.
 */
public record RetrySchedule(Duration initial, Duration max, Duration window) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after the given number of failed attempts (1 for the first). */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** When to try again after {@code failedAttempts} failures, or empty when it is time to give up. */
    public Optional<Instant> next(int failedAttempts, Instant created, Instant now) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(created.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
