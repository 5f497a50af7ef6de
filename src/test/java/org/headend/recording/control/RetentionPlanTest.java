package org.headend.recording.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.headend.recording.control.RetentionPlan.Stored;
import org.junit.jupiter.api.Test;

class RetentionPlanTest {

    private static final Instant NOW = Instant.parse("2030-06-30T12:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);

    private static Stored aged(String id, int days, long bytes) {
        return new Stored(id, NOW.minus(Duration.ofDays(days)), bytes);
    }

    @Test
    void recordingsOlderThanTheRetentionPeriodGo() {
        var stored = List.of(aged("new", 1, 10), aged("old", 31, 10), aged("edge", 29, 10));
        assertEquals(List.of("old"), RetentionPlan.toDelete(stored, NOW, MONTH, Long.MAX_VALUE));
    }

    @Test
    void theOldestGoWhileTheTotalExceedsTheLimit() {
        var stored = List.of(aged("c", 1, 40), aged("a", 5, 40), aged("b", 3, 40));
        assertEquals(List.of("a", "b"), RetentionPlan.toDelete(stored, NOW, MONTH, 50));
        assertEquals(List.of("a"), RetentionPlan.toDelete(stored, NOW, MONTH, 80));
        assertEquals(List.of(), RetentionPlan.toDelete(stored, NOW, MONTH, 120));
    }

    @Test
    void expiredOnesDoNotCountAgainstTheLimitAndUnknownEndsCountAsOldest() {
        var stored = List.of(aged("old", 40, 1000), aged("kept", 2, 50), new Stored("unknown", null, 1));
        assertEquals(List.of("unknown", "old"), RetentionPlan.toDelete(stored, NOW, MONTH, 60));
    }

    @Test
    void nothingStoredNothingDeleted() {
        assertEquals(List.of(), RetentionPlan.toDelete(List.of(), NOW, MONTH, 0));
    }
}
