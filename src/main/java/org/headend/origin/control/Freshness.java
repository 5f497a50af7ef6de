package org.headend.origin.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells a good probe from a bad one for one origin. A 200 with a playlist is not enough: an origin
 * whose packager is frozen keeps serving the same playlist, so the newest segment's age is measured
 * from when this probe first saw it (no clock of the origin is trusted), and a playlist whose
 * newest segment is older than the allowed age counts as a failure.
 */
public final class Freshness {

    /** The verdict on one probe, with what it measured. */
    public record Reading(boolean good, String problem, Long mediaSequence, Double segmentAgeSeconds) {}

    private final Duration maxAge;
    private Long newestSequence;
    private Instant newestSeenAt;
    private Duration allowed;

    /** {@code maxAge} null means twice the playlist's target duration. */
    public Freshness(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public Reading judge(ProbeResult probe, Instant now) {
        if (probe.playlist() == null) {
            return new Reading(false, probe.error(), null, age(now));
        }
        MediaPlaylist playlist = probe.playlist();
        if (probe.httpStatus() != null && probe.httpStatus() >= 400) {
            return new Reading(false, "HTTP " + probe.httpStatus(), playlist.mediaSequence(), age(now));
        }
        var newest = playlist.newestSequence();
        if (newest.isEmpty()) {
            return new Reading(false, "the playlist lists no segment", playlist.mediaSequence(), age(now));
        }
        if (!newest.get().equals(newestSequence)) {
            // Any change counts, a lower number too: a restarted packager starts counting again.
            newestSequence = newest.get();
            newestSeenAt = now;
        }
        Double age = age(now);
        allowed = maxAge != null ? maxAge : Duration.ofSeconds(2L * Math.max(1, playlist.targetDuration()));
        if (playlist.ended()) {
            return new Reading(false, "the playlist has ended", playlist.mediaSequence(), age);
        }
        if (age > allowed.toMillis() / 1000.0) {
            return new Reading(
                    false,
                    String.format(
                            "the newest segment is %.1f s old (allowed %.1f s)", age, allowed.toMillis() / 1000.0),
                    playlist.mediaSequence(),
                    age);
        }
        return new Reading(true, null, playlist.mediaSequence(), age);
    }

    /** When the newest segment seen turns too old, unless a newer one comes; empty before any. */
    public Optional<Instant> staleAt() {
        return newestSeenAt == null || allowed == null ? Optional.empty() : Optional.of(newestSeenAt.plus(allowed));
    }

    private Double age(Instant now) {
        return newestSeenAt == null ? null : Duration.between(newestSeenAt, now).toMillis() / 1000.0;
    }
}
