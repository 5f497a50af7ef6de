package org.headend.origin.control;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headend.origin.control.FailoverDecider.Candidate;
import org.headend.origin.control.FailoverDecider.Decision;
import org.headend.origin.entity.OriginHealth;
import org.headend.origin.entity.OriginStatus;

/**
 * The failover state of one stream between probing rounds: each origin's freshness and last
 * status, the decider, and the stitched playlist. Rounds and operator choices take turns on it.
 */
final class StreamOrigins {

    // A look just after the newest segment turns too old finds it so, clock granularity aside.
    private static final Duration STALE_MARGIN = Duration.ofMillis(20);

    private final Duration maxAge;
    private final FailoverDecider decider;
    private final int window;
    private final Map<String, PlaylistStitcher> stitchers = new LinkedHashMap<>();
    private StitchLayout layout;
    private final Map<String, Freshness> freshness = new HashMap<>();
    private final Map<String, OriginStatus> statuses = new HashMap<>();
    private final Map<String, URI> mediaUris = new HashMap<>();

    StreamOrigins(FailoverRules rules, Duration maxAge, int window) {
        this.maxAge = maxAge;
        this.decider = new FailoverDecider(rules);
        this.window = window;
    }

    synchronized URI mediaUri(String originId) {
        return mediaUris.get(originId);
    }

    /** Judges one probe and remembers what it saw; true when the origin's health changed. */
    synchronized boolean record(OriginSource source, ProbeResult probe, Instant now) {
        var reading = freshness
                .computeIfAbsent(source.id(), id -> new Freshness(maxAge))
                .judge(probe, now);
        if (probe.playlist() != null && probe.source() != null && !source.local()) {
            mediaUris.put(source.id(), probe.source());
        } else if (probe.playlist() == null) {
            // The origin may have moved its variant: look at its configured URL again next time.
            mediaUris.remove(source.id());
        }
        var before = decider.health(source.id());
        if (source.packagerFailure() != null) {
            decider.fail(source.id());
        } else {
            decider.observe(source.id(), reading.good());
        }
        var after = decider.health(source.id());
        statuses.put(
                source.id(),
                new OriginStatus(
                        after,
                        probe.httpStatus(),
                        probe.responseTime() == null
                                ? null
                                : probe.responseTime().toMillis(),
                        reading.mediaSequence(),
                        reading.segmentAgeSeconds(),
                        source.pid(),
                        false,
                        reading.problem()));
        return before != after;
    }

    synchronized void failNow(String originId) {
        decider.fail(originId);
    }

    synchronized Decision decide(List<OriginSource> sources) {
        List<Candidate> candidates =
                sources.stream().map(s -> new Candidate(s.id(), s.priority())).toList();
        statuses.keySet().removeIf(id -> candidates.stream().noneMatch(c -> c.id().equals(id)));
        freshness.keySet().retainAll(statuses.keySet());
        return decider.decide(candidates);
    }

    synchronized Decision prefer(String originId, List<OriginSource> sources) {
        decider.prefer(originId);
        return decide(sources);
    }

    synchronized Decision automatic(List<OriginSource> sources) {
        decider.automatic();
        return decide(sources);
    }

    synchronized Optional<String> preferred() {
        return decider.preferred();
    }

    synchronized Optional<String> active() {
        return decider.active();
    }

    /**
     * When the origin in use should be probed before the next round: {@code fast} after a bad
     * probe, and the moment its newest segment turns too old, so that the first bad probe comes
     * when staleness begins rather than at the next round after it; empty when it is down.
     */
    synchronized Optional<Instant> checkAt(Duration fast, Instant now) {
        Optional<String> active = decider.active().filter(id -> decider.health(id) != OriginHealth.DOWN);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        if (decider.failing(active.get())) {
            return Optional.of(now.plus(fast));
        }
        return Optional.ofNullable(freshness.get(active.get()))
                .flatMap(Freshness::staleAt)
                .map(at -> at.plus(STALE_MARGIN));
    }

    /** True when {@link #checkAt} has come: a bad probe waits for its confirmation, or staleness began. */
    synchronized boolean checkDue(Instant now) {
        return decider.active()
                .filter(id -> decider.health(id) != OriginHealth.DOWN)
                .map(id -> decider.failing(id)
                        || Optional.ofNullable(freshness.get(id))
                                .flatMap(Freshness::staleAt)
                                .map(at -> !at.plus(STALE_MARGIN).isAfter(now))
                                .orElse(false))
                .orElse(false);
    }

    /** The variants players are offered, once the first origin was read. */
    synchronized Optional<StitchLayout> layout() {
        return Optional.ofNullable(layout);
    }

    /** The stitched playlists as they stand; empty before any segment was taken. */
    synchronized Optional<StitchedText> rendered() {
        if (layout == null || stitchers.values().stream().allMatch(PlaylistStitcher::isEmpty)) {
            return Optional.empty();
        }
        Map<String, String> media = new LinkedHashMap<>();
        stitchers.forEach((name, stitcher) -> {
            if (!stitcher.isEmpty()) {
                media.put(name, stitcher.render());
            }
        });
        return Optional.of(new StitchedText(layout.master(), media));
    }

    /**
     * Adds the active origin's new segments to each variant's playlist; what to write when anything
     * changed (the master only when the variants did).
     */
    synchronized Optional<StitchedText> stitch(OriginSource active, VariantReading reading, Path stitchedDir) {
        if (reading == null || reading.layout() == null) {
            return Optional.empty();
        }
        boolean newLayout = adopt(reading);
        Map<String, String> media = new LinkedHashMap<>();
        for (String name : layout.names()) {
            ProbeResult probe = reading.playlists().get(name);
            if (probe == null || probe.playlist() == null) {
                continue;
            }
            var playlist = probe.playlist();
            Path variantDir = stitchedDir.resolve(name);
            var reachable = new MediaPlaylist(
                    playlist.mediaSequence(),
                    playlist.targetDuration(),
                    playlist.segments().stream()
                            .map(s -> s.withUri(reachableUri(active, probe.source(), s.uri(), variantDir)))
                            .toList(),
                    playlist.ended(),
                    null);
            PlaylistStitcher stitcher = stitchers.get(name);
            if (stitcher.update(active.id(), reachable)) {
                media.put(name, stitcher.render());
            }
        }
        return newLayout || !media.isEmpty()
                ? Optional.of(new StitchedText(newLayout ? layout.master() : null, media))
                : Optional.empty();
    }

    /**
     * Takes the reading's layout when there was none, or when a local packager's differs (its
     * ladder changed); new variants' playlists start above every sequence players have seen.
     */
    private boolean adopt(VariantReading reading) {
        StitchLayout offered = reading.layout();
        if (layout != null && (!reading.fromPackager() || layout.equals(offered))) {
            return false;
        }
        if (layout == null || !layout.names().equals(offered.names())) {
            long next = stitchers.values().stream()
                    .mapToLong(s -> s.mediaSequence() + window)
                    .max()
                    .orElse(0);
            stitchers.clear();
            offered.names().forEach(name -> stitchers.put(name, new PlaylistStitcher(window, next)));
        }
        layout = offered;
        return true;
    }

    synchronized boolean allDown() {
        return !statuses.isEmpty() && statuses.values().stream().allMatch(s -> s.health() == OriginHealth.DOWN);
    }

    synchronized OriginStatus status(String originId) {
        OriginStatus status = statuses.getOrDefault(originId, OriginStatus.UNPROBED);
        boolean active = decider.active().map(originId::equals).orElse(false);
        return new OriginStatus(
                status.health(),
                status.lastHttpStatus(),
                status.responseMillis(),
                status.mediaSequence(),
                status.segmentAgeSeconds(),
                status.pid(),
                active,
                status.lastError());
    }

    /**
     * External segments are linked absolutely, so players fetch them from their origin; the local
     * packager's relative to the stitched playlist, so nginx serves them from the same folder tree.
     */
    private static String reachableUri(OriginSource origin, URI playlist, String segment, Path stitchedDir) {
        if (!origin.local()) {
            return playlist.resolve(segment).toString();
        }
        Path file = Path.of(playlist).getParent().resolve(segment);
        return stitchedDir.relativize(file).toString().replace('\\', '/');
    }
}
