package org.headend.origin.control;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

    private final Duration maxAge;
    private final FailoverDecider decider;
    private final PlaylistStitcher stitcher;
    private final Map<String, Freshness> freshness = new HashMap<>();
    private final Map<String, OriginStatus> statuses = new HashMap<>();
    private final Map<String, URI> mediaUris = new HashMap<>();

    StreamOrigins(FailoverRules rules, Duration maxAge, int window) {
        this.maxAge = maxAge;
        this.decider = new FailoverDecider(rules);
        this.stitcher = new PlaylistStitcher(window);
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

    /** Adds the active origin's new segments; the text to write when the playlist changed. */
    /** The stitched playlist as it stands; empty before any segment was taken. */
    synchronized Optional<String> rendered() {
        return stitcher.isEmpty() ? Optional.empty() : Optional.of(stitcher.render());
    }

    synchronized Optional<String> stitch(OriginSource active, ProbeResult probe, Path stitchedDir) {
        if (probe == null || probe.playlist() == null) {
            return Optional.empty();
        }
        var playlist = probe.playlist();
        var reachable = new MediaPlaylist(
                playlist.mediaSequence(),
                playlist.targetDuration(),
                playlist.segments().stream()
                        .map(s -> s.withUri(reachableUri(active, probe.source(), s.uri(), stitchedDir)))
                        .toList(),
                playlist.ended(),
                null);
        return stitcher.update(active.id(), reachable) ? Optional.of(stitcher.render()) : Optional.empty();
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
