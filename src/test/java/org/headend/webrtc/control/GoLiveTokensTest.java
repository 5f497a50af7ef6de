package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoLiveTokensTest {

    private final GoLiveTokens cut = new GoLiveTokens();

    @Test
    void aTokenOpensOneSessionOfItsStream() {
        String token = cut.issue("stream-1");
        assertTrue(GoLiveTokens.isToken(token));
        assertEquals(Optional.of("stream-1"), cut.peek(token), "checks do not use it up");
        assertEquals(Optional.of("stream-1"), cut.redeem(token));
        assertEquals(Optional.empty(), cut.redeem(token), "single use");
        assertEquals(Optional.empty(), cut.peek(token));
    }

    @Test
    void aTokenExpiresAfterTenMinutes() {
        Instant issued = Instant.parse("2030-01-01T10:00:00Z");
        cut.useClock(Clock.fixed(issued, ZoneOffset.UTC));
        String token = cut.issue("stream-1");
        cut.useClock(Clock.fixed(issued.plus(GoLiveTokens.LIFETIME).plusSeconds(1), ZoneOffset.UTC));
        assertEquals(Optional.empty(), cut.peek(token));
        assertEquals(Optional.empty(), cut.redeem(token));
    }

    @Test
    void streamKeysAndStrangersAreNoTokens() {
        assertEquals(Optional.empty(), cut.redeem("golive_madeup"));
        assertEquals(Optional.empty(), cut.redeem(null));
        assertTrue(!GoLiveTokens.isToken("sk_live_abc"));
    }
}
