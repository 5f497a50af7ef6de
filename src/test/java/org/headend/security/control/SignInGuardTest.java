package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lockout counts a username however it is typed, before any password is checked. */
class SignInGuardTest {

    private final SignInGuard cut = guard();

    @Test
    void failuresSplitBetweenSpellingsOfOneNameLockItOut() {
        for (int i = 0; i < SignInGuard.MAX_FAILURES / 2; i++) {
            cut.failed("ALICE", "192.0.2." + i);
            cut.failed(" alice", "198.51.100." + i);
        }

        assertEquals(Optional.of(Duration.ofMinutes(5)), cut.lockedFor("Alice", "203.0.113.1"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), cut.lockedFor("alice", "203.0.113.1"));
    }

    @Test
    void otherNamesAreNotLockedWithIt() {
        for (int i = 0; i < SignInGuard.MAX_FAILURES; i++) {
            cut.failed(i % 2 == 0 ? "ALICE" : "alice", "192.0.2." + i);
        }

        assertTrue(cut.lockedFor("alice2", "203.0.113.1").isEmpty());
        assertTrue(cut.lockedFor("bob", "203.0.113.1").isEmpty());
    }

    @Test
    void aSuccessUnderAnotherSpellingClearsTheCount() {
        for (int i = 0; i < SignInGuard.MAX_FAILURES - 1; i++) {
            cut.failed("ALICE", "192.0.2." + i);
        }
        cut.succeeded("alice");
        cut.failed("Alice", "192.0.2.200");

        assertTrue(cut.lockedFor("alice", "203.0.113.1").isEmpty());
    }

    private static SignInGuard guard() {
        var guard = new SignInGuard();
        guard.lockout = Duration.ofMinutes(5);
        guard.clock = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);
        return guard;
    }
}
