package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff cut = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesFromTheInitialDelay() {
        assertEquals(Duration.ofSeconds(1), cut.delay(1));
        assertEquals(Duration.ofSeconds(2), cut.delay(2));
        assertEquals(Duration.ofSeconds(4), cut.delay(3));
        assertEquals(Duration.ofSeconds(16), cut.delay(5));
    }

    @Test
    void isCappedAtTheMaximum() {
        assertEquals(Duration.ofSeconds(30), cut.delay(6));
        assertEquals(Duration.ofSeconds(30), cut.delay(20));
    }

    @Test
    void doesNotOverflowAtLargeAttempts() {
        assertEquals(Duration.ofSeconds(30), cut.delay(64));
        assertEquals(Duration.ofSeconds(30), cut.delay(1_000_000));
        assertEquals(Duration.ofSeconds(30), cut.delay(Integer.MAX_VALUE));
    }

    @Test
    void aZeroOrNegativeAttemptWaitsTheInitialDelay() {
        assertEquals(Duration.ofSeconds(1), cut.delay(0));
        assertEquals(Duration.ofSeconds(1), cut.delay(-5));
    }
}
