package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stitches the playing origin's new segments into every variant players are offered. What the
 * playing origin offers is read while the round's probes run, so a round that keeps its origin
 * waits for nothing more; a round that switches reads the new origin at once.
 */
@ApplicationScoped
public class OriginStitcher {

    /** What one origin offered, read ahead of a round's decision. */
    public record ReadAhead(String originId, CompletableFuture<VariantReading> reading) {}

    @Inject
    VariantReader reader;

    @Inject
    StitchedPlaylists playlists;

    /** Starts reading the origin playing now; empty before any plays. */
    Optional<ReadAhead> readActive(StreamOrigins state, List<OriginSource> sources) {
        return state.active().flatMap(id -> find(sources, id)).map(active -> read(state, sources, active));
    }

    /** Writes what changed in the stitched playlists of the origin now playing. */
    void stitch(String name, StreamOrigins state, List<OriginSource> sources, Optional<ReadAhead> early) {
        state.active()
                .flatMap(id -> find(sources, id))
                .flatMap(active -> {
                    ReadAhead reading = early.filter(r -> r.originId().equals(active.id()))
                            .orElseGet(() -> read(state, sources, active));
                    return state.stitch(active, reading.reading().join(), playlists.dir(name));
                })
                .or(() -> playlists.missing(name) ? state.rendered() : Optional.empty())
                .ifPresent(text -> playlists.write(name, text));
    }

    void remove(String name) {
        playlists.remove(name);
    }

    private ReadAhead read(StreamOrigins state, List<OriginSource> sources, OriginSource active) {
        return new ReadAhead(active.id(), reader.read(active, known(state, sources)));
    }

    /** The layout external origins are matched against: the stream's so far, else its packager's. */
    private StitchLayout known(StreamOrigins state, List<OriginSource> sources) {
        return state.layout()
                .or(() -> sources.stream()
                        .filter(OriginSource::readable)
                        .findFirst()
                        .map(reader::layout))
                .orElse(null);
    }

    private static Optional<OriginSource> find(List<OriginSource> sources, String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
