package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins within a minute for
 * one username, or from one address, further attempts are refused for the lockout period, whether
 * or not the password is right. Kept in memory: a restart forgets it.
 */
@ApplicationScoped
public class SignInGuard {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    @ConfigProperty(name = "headend.auth.lockout", defaultValue = "PT5M")
    Duration lockout;

    Clock clock = Clock.systemUTC();

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    /** How long the caller must still wait, if the username or the address is locked out. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(userKey(username), addressKey(address))
                .map(lockedUntil::get)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    public void failed(String username, String address) {
        count(userKey(username));
        count(addressKey(address));
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void count(String key) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX_FAILURES) {
                lockedUntil.put(key, now.plus(lockout));
                recent.clear();
            }
        }
    }

    /** {@code ALICE}, {@code " Alice"} and {@code alice} share one count: known before anyone checks a password. */
    private static String userKey(String username) {
        return "user:" + Usernames.key(username);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
