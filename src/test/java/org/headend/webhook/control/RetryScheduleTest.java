package org.headend.webhook.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void startsAtTheInitialDelayAndDoubles() {
        assertEquals(Duration.ofSeconds(5), schedule.delayAfter(1));
        assertEquals(Duration.ofSeconds(10), schedule.delayAfter(2));
        assertEquals(Duration.ofSeconds(20), schedule.delayAfter(3));
        assertEquals(Duration.ofSeconds(2560), schedule.delayAfter(10));
    }

    @Test
    void isCappedAtTheMaximumHoweverManyAttempts() {
        assertEquals(Duration.ofHours(1), schedule.delayAfter(11));
        assertEquals(Duration.ofHours(1), schedule.delayAfter(1000));
    }

    @Test
    void retriesWithinTheWindowAndGivesUpAfterIt() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Optional.of(created.plusSeconds(5)), schedule.next(1, created, created));
        Instant late = created.plus(Duration.ofHours(22));
        assertEquals(Optional.of(late.plus(Duration.ofHours(1))), schedule.next(20, created, late));
        Instant later = created.plus(Duration.ofHours(23)).plusSeconds(1);
        assertEquals(Optional.empty(), schedule.next(20, created, later));
    }

    @Test
    void refusesANonsensicalSchedule() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(24)));
    }
}
