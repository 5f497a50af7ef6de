package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.headend.origin.control.FailoverDecider.Decision;
import org.headend.origin.entity.Origin;
import org.headend.origin.entity.OriginProbeFailed;
import org.headend.origin.entity.OriginStatus;
import org.headend.origin.entity.OriginsChanged;
import org.headend.transcode.control.TranscoderSupervisor;
import org.headend.transcode.entity.PackagerExited;

/**
 * Runs the probing rounds of streams that have origins: probes each origin, lets the decider
 * choose, and writes the stitched playlist from the chosen one. Streams without origins are left
 * alone: their players keep reading the packager's own playlists, exactly as before origins.
 */
@ApplicationScoped
public class OriginMonitor {

    private static final Logger LOG = Logger.getLogger(OriginMonitor.class.getName());

    @Inject
    FailoverSettings settings;

    @Inject
    OriginProbe probe;

    @Inject
    TranscoderSupervisor transcoders;

    @Inject
    OriginStitcher stitcher;

    @Inject
    OriginSources originSources;

    @Inject
    SwitchAnnouncer switches;

    @Inject
    Event<OriginProbeFailed> probeFailed;

    @Inject
    Event<OriginsChanged> changed;

    private final Map<String, StreamOrigins> streams = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> originNames = new ConcurrentHashMap<>();
    private final Map<String, List<OriginSource>> lastSources = new ConcurrentHashMap<>();

    /** One probing round over every stream that has origins; streams that lost them are let go. */
    public void round(Map<String, String> streamNames, Map<String, List<Origin>> originsByStream) {
        for (String gone : Set.copyOf(streams.keySet())) {
            if (!originsByStream.containsKey(gone)) {
                streams.remove(gone);
                originNames.remove(gone);
                lastSources.remove(gone);
                String name = names.remove(gone);
                if (name != null) {
                    stitcher.remove(name);
                    changed.fire(new OriginsChanged(gone, name));
                }
            }
        }
        // All streams' probes run at once; the verdicts are then drawn here, on the timer's thread,
        // so that events reach their observers from a container thread.
        Map<String, Round> rounds = new HashMap<>();
        originsByStream.forEach((streamId, external) -> {
            String name = streamNames.get(streamId);
            if (name != null) {
                names.put(streamId, name);
                rounds.put(streamId, startRound(streamId, name, originSources.of(streamId, name, external)));
            }
        });
        rounds.forEach((streamId, round) -> {
            try {
                decide(streamId, round);
            } catch (RuntimeException e) {
                LOG.warning("Probing the origins of stream " + round.name() + " failed: " + e);
            }
        });
    }

    /**
     * When the external origin in use of some stream should be probed before the next round: after
     * a bad probe, {@code fast} later (HAProxy's {@code fastinter}: a failure needs
     * {@code fail-after} probes, not their intervals); while it is healthy, as its newest segment
     * turns too old. Empty when the rounds will do.
     */
    public Optional<Instant> nextCheck(Duration fast) {
        Instant now = Instant.now();
        return streams.keySet().stream()
                .filter(id -> activeExternal(id).isPresent())
                .map(id -> streams.get(id).checkAt(fast, now))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /** Probes again, and only, the external origin in use of each stream whose check has come; then decides. */
    public void check() {
        // The scheduler's clock and the wall clock differ by a hair: a check on time is due.
        Instant now = Instant.now().plusMillis(5);
        for (String streamId : Set.copyOf(streams.keySet())) {
            activeExternal(streamId)
                    .filter(active -> streams.get(streamId).checkDue(now))
                    .ifPresent(active -> {
                        StreamOrigins state = streams.get(streamId);
                        String name = names.get(streamId);
                        List<OriginSource> sources = lastSources.get(streamId);
                        try {
                            decide(
                                    streamId,
                                    new Round(
                                            name,
                                            sources,
                                            state,
                                            Map.of(active.id(), probeOne(state, active)),
                                            stitcher.readActive(state, sources)));
                        } catch (RuntimeException e) {
                            LOG.warning("Confirming the origin of stream " + name + " failed: " + e);
                        }
                    });
        }
    }

    private Optional<OriginSource> activeExternal(String streamId) {
        StreamOrigins state = streams.get(streamId);
        List<OriginSource> sources = lastSources.get(streamId);
        if (state == null || sources == null || !names.containsKey(streamId)) {
            return Optional.empty();
        }
        return state.active()
                .flatMap(id -> sources.stream().filter(s -> s.id().equals(id)).findFirst())
                .filter(s -> !s.local());
    }

    private record Round(
            String name,
            List<OriginSource> sources,
            StreamOrigins state,
            Map<String, CompletableFuture<ProbeResult>> probes,
            Optional<OriginStitcher.ReadAhead> active) {}

    private Round startRound(String streamId, String name, List<OriginSource> sources) {
        StreamOrigins state = state(streamId);
        Map<String, String> named = new HashMap<>();
        sources.forEach(s -> named.put(s.id(), s.name()));
        originNames.put(streamId, Map.copyOf(named));
        lastSources.put(streamId, List.copyOf(sources));
        Map<String, CompletableFuture<ProbeResult>> probes = new HashMap<>();
        for (OriginSource source : sources) {
            probes.put(source.id(), probeOne(state, source));
        }
        return new Round(name, sources, state, probes, stitcher.readActive(state, sources));
    }

    private void decide(String streamId, Round round) {
        String name = round.name();
        List<OriginSource> sources = round.sources();
        StreamOrigins state = round.state();
        Instant now = Instant.now();
        boolean healthChanged = false;
        for (OriginSource source : sources) {
            CompletableFuture<ProbeResult> probed = round.probes().get(source.id());
            if (probed == null) {
                continue;
            }
            ProbeResult result = probed.join();
            healthChanged |= state.record(source, result, now);
            if (result.errorClass() != null && !source.local()) {
                probeFailed.fire(new OriginProbeFailed(streamId, name, source.name(), result.errorClass()));
            }
        }
        boolean switchedNow = switches.announce(streamId, name, sources, state.decide(sources));
        stitcher.stitch(name, state, sources, round.active());
        if (healthChanged || switchedNow) {
            changed.fire(new OriginsChanged(streamId, name));
        }
    }

    private CompletableFuture<ProbeResult> probeOne(StreamOrigins state, OriginSource source) {
        if (!source.local()) {
            return probe.fetch(source.url(), state.mediaUri(source.id()));
        }
        if (!source.readable()) {
            return CompletableFuture.completedFuture(
                    ProbeResult.failed(null, Duration.ZERO, "the packager is not running", "gone"));
        }
        return CompletableFuture.completedFuture(
                probe.read(source.packager(), source.variants().get(0)));
    }

    /**
     * A packager died: playback leaves it at once rather than at the next probes, and the new
     * origin's segments are stitched in now.
     */
    void packagerExited(@Observes PackagerExited exit) {
        failPackagerNow(exit.streamId(), exit.name(), exit.backup() ? OriginSource.LOCAL_BACKUP : OriginSource.LOCAL);
    }

    /** The streams being watched, by id, with their names. */
    Map<String, String> watchedStreams() {
        return Map.copyOf(names);
    }

    /** Fails a packager's origin at once and moves playback if it was active. */
    void failPackagerNow(String streamId, String name, String originId) {
        StreamOrigins state = streams.get(streamId);
        List<OriginSource> sources = lastSources.get(streamId);
        if (state == null || sources == null) {
            return;
        }
        state.failNow(originId);
        Decision decision = state.decide(sources);
        if (switches.announce(streamId, name, sources, decision)) {
            stitcher.stitch(name, state, sources, Optional.empty());
            changed.fire(new OriginsChanged(streamId, name));
        }
    }

    /** Makes {@code originId} the stream's origin now (unless it is down) and first in rank until {@link #automatic}. */
    public void prefer(String streamId, String name, String originId, List<OriginSource> sources) {
        names.put(streamId, name);
        switches.announce(streamId, name, sources, state(streamId).prefer(originId, sources));
        changed.fire(new OriginsChanged(streamId, name));
    }

    public void automatic(String streamId, String name, List<OriginSource> sources) {
        names.put(streamId, name);
        switches.announce(streamId, name, sources, state(streamId).automatic(sources));
        changed.fire(new OriginsChanged(streamId, name));
    }

    public OriginStatus status(String streamId, String originId) {
        StreamOrigins state = streams.get(streamId);
        return state == null ? OriginStatus.UNPROBED : state.status(originId);
    }

    public Optional<String> preferred(String streamId) {
        return Optional.ofNullable(streams.get(streamId)).flatMap(StreamOrigins::preferred);
    }

    /** Origin id → name of each origin of a watched stream, as the last round saw them. */
    public Map<String, String> origins(String streamId) {
        return originNames.getOrDefault(streamId, Map.of());
    }

    /** Live streams whose every origin is down: nothing fresh can be played. */
    public List<String> liveWithoutHealthyOrigin() {
        List<String> result = new ArrayList<>();
        streams.forEach((id, state) -> {
            if (transcoders.isRunning(id) && state.allDown()) {
                result.add(names.getOrDefault(id, id));
            }
        });
        return result;
    }

    /** Stream id → stream name of every stream being watched. */
    public Map<String, String> watched() {
        return Map.copyOf(names);
    }

    private StreamOrigins state(String streamId) {
        return streams.computeIfAbsent(streamId, id -> settings.newStreamState());
    }
}
