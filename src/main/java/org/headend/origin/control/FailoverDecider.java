package org.headend.origin.control;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headend.origin.entity.OriginHealth;
import org.headend.origin.entity.SwitchKind;

/**
 * Chooses the origin a stream plays from, from probe verdicts alone (no I/O, no clock), so that the
 * rules can be tested probe by probe. An origin goes down after {@code failAfter} bad probes in a
 * row and comes back only after {@code recoverAfter} good ones in a row: an origin that flaps never
 * collects them, so playback leaves it once and stays away until it has been steady for a whole
 * recovery window.
 */
public final class FailoverDecider {

    /** An origin that can be chosen; the lower the priority number, the more it is preferred. */
    public record Candidate(String id, int priority) {}

    /** The origin to play from after this round; {@code kind} is empty when nothing changed. */
    public record Decision(String active, String previous, Optional<SwitchKind> kind) {}

    private static final class Track {
        OriginHealth health = OriginHealth.UNKNOWN;
        int good;
        int bad;
    }

    private final FailoverRules rules;
    private final Map<String, Track> tracks = new HashMap<>();
    private String active;
    private String preferred;
    private boolean manualPending;

    public FailoverDecider(FailoverRules rules) {
        this.rules = rules;
    }

    public void observe(String id, boolean good) {
        Track track = tracks.computeIfAbsent(id, i -> new Track());
        if (good) {
            track.good++;
            track.bad = 0;
            // A new origin has no failure to recover from: its first good probe makes it usable.
            if (track.health == OriginHealth.UNKNOWN
                    || (track.health == OriginHealth.DOWN && track.good >= rules.recoverAfter())) {
                track.health = OriginHealth.UP;
            }
        } else {
            track.bad++;
            track.good = 0;
            if (track.bad >= rules.failAfter()) {
                track.health = OriginHealth.DOWN;
            }
        }
    }

    /**
     * A failure known for sure (the packager's process died or went silent): a serving origin is
     * down at once, without waiting for {@code failAfter} probes; any other counts one bad probe.
     */
    public void fail(String id) {
        Track track = tracks.computeIfAbsent(id, i -> new Track());
        if (track.health == OriginHealth.UP) {
            track.health = OriginHealth.DOWN;
            track.bad = rules.failAfter();
            track.good = 0;
        } else {
            observe(id, false);
        }
    }

    /** An operator's choice: played from now on unless it is down, and ranked first until {@link #automatic()}. */
    public void prefer(String id) {
        preferred = id;
        manualPending = true;
    }

    public void automatic() {
        preferred = null;
        manualPending = false;
    }

    public Optional<String> preferred() {
        return Optional.ofNullable(preferred);
    }

    public OriginHealth health(String id) {
        Track track = tracks.get(id);
        return track == null ? OriginHealth.UNKNOWN : track.health;
    }

    /** Bad probes seen but not yet enough to fail: a verdict is pending. */
    public boolean failing(String id) {
        Track track = tracks.get(id);
        return track != null && track.bad > 0 && track.health != OriginHealth.DOWN;
    }

    public Optional<String> active() {
        return Optional.ofNullable(active);
    }

    public Decision decide(List<Candidate> candidates) {
        tracks.keySet().removeIf(id -> candidates.stream().noneMatch(c -> c.id().equals(id)));
        if (preferred != null && candidates.stream().noneMatch(c -> c.id().equals(preferred))) {
            preferred = null;
        }
        List<Candidate> ranked = candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> !c.id().equals(preferred))
                        .thenComparingInt(Candidate::priority)
                        .thenComparing(Candidate::id))
                .toList();
        String previous = active;
        if (manualPending) {
            manualPending = false;
            if (preferred != null && health(preferred) != OriginHealth.DOWN && !preferred.equals(active)) {
                return switchTo(preferred, previous, SwitchKind.MANUAL);
            }
        }
        Optional<Candidate> bestUp =
                ranked.stream().filter(c -> health(c.id()) == OriginHealth.UP).findFirst();
        boolean activeGone = active != null && candidates.stream().noneMatch(c -> c.id().equals(active));
        if (active == null || activeGone) {
            if (bestUp.isEmpty()) {
                active = null;
                return new Decision(null, previous, Optional.empty());
            }
            return switchTo(bestUp.get().id(), previous, previous == null ? SwitchKind.INITIAL : SwitchKind.FAILOVER);
        }
        if (health(active) == OriginHealth.DOWN) {
            return bestUp.map(c -> switchTo(c.id(), previous, SwitchKind.FAILOVER))
                    .orElse(new Decision(active, previous, Optional.empty()));
        }
        if (rules.autoSwitchback()
                && bestUp.isPresent()
                && ranksBefore(ranked, bestUp.get().id(), active)) {
            return switchTo(bestUp.get().id(), previous, SwitchKind.SWITCHBACK);
        }
        return new Decision(active, previous, Optional.empty());
    }

    private Decision switchTo(String id, String previous, SwitchKind kind) {
        active = id;
        return new Decision(id, previous, Optional.of(kind));
    }

    private static boolean ranksBefore(List<Candidate> ranked, String a, String b) {
        int ia = -1;
        int ib = -1;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).id().equals(a)) {
                ia = i;
            }
            if (ranked.get(i).id().equals(b)) {
                ib = i;
            }
        }
        return ia >= 0 && ib >= 0 && ia < ib;
    }
}
