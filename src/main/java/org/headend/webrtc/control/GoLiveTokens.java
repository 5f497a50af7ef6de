package org.headend.webrtc.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.headend.platform.SecureTokens;

/**
 * One-off WHIP bearer tokens for the console's "Go live from this browser" page: the console
 * never knows a stream's key (only its hash is stored), so it hands the presenter's browser a
 * token bound to the stream instead. A token opens one session, within ten minutes of its issue;
 * only its hash is kept, in memory.
 */
@ApplicationScoped
public class GoLiveTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PREFIX = "golive_";

    private final Map<String, Grant> byHash = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    private record Grant(String streamId, Instant expiresAt) {}

    public String issue(String streamId) {
        Instant now = clock.instant();
        byHash.values().removeIf(g -> g.expiresAt().isBefore(now));
        String token = PREFIX + SecureTokens.urlSafe(24);
        byHash.put(SecureTokens.sha256Hex(token), new Grant(streamId, now.plus(LIFETIME)));
        return token;
    }

    /** The stream a live token was issued for, leaving it unused (checks come before the use). */
    public Optional<String> peek(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(SecureTokens.sha256Hex(token)))
                .filter(g -> !g.expiresAt().isBefore(clock.instant()))
                .map(Grant::streamId);
    }

    /** The stream a token was issued for, using the token up; nothing for unknown or expired ones. */
    public Optional<String> redeem(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Grant grant = byHash.remove(SecureTokens.sha256Hex(token));
        return Optional.ofNullable(grant)
                .filter(g -> !g.expiresAt().isBefore(clock.instant()))
                .map(Grant::streamId);
    }

    /** Whether a bearer looks like one of these tokens rather than a stream key. */
    public static boolean isToken(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    void useClock(Clock fixed) {
        this.clock = fixed;
    }
}
