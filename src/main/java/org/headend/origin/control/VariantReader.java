package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads every variant of the origin that plays, for stitching: a local packager's from its target,
 * an external origin's by fetching its master and the variants matched to the stitched ones, all
 * at once. Probing for health reads one variant of every origin; this reads all of the one in use.
 */
@ApplicationScoped
public class VariantReader {

    @Inject
    OriginProbe probe;

    /** A local packager's ladder, named as it writes it, with the attributes of its master playlist. */
    public StitchLayout layout(OriginSource local) {
        MediaPlaylist master = null;
        try {
            master = MediaPlaylist.parse(local.packager().master());
        } catch (IOException | RuntimeException notWrittenYet) {
            // ffmpeg writes the master after the first segments; names alone serve until then.
        }
        return StitchLayout.local(local.variants(), master);
    }

    /** {@code known} is the stream's layout so far, null before any. */
    public CompletableFuture<VariantReading> read(OriginSource origin, StitchLayout known) {
        if (origin.local()) {
            if (!origin.readable()) {
                return CompletableFuture.completedFuture(new VariantReading(known, false, Map.of()));
            }
            Map<String, ProbeResult> playlists = new HashMap<>();
            for (String variant : origin.variants()) {
                playlists.put(variant, probe.read(origin.packager(), variant));
            }
            return CompletableFuture.completedFuture(new VariantReading(layout(origin), true, playlists));
        }
        return probe.fetchExactly(origin.url()).thenCompose(first -> {
            if (first.playlist() == null) {
                return CompletableFuture.completedFuture(new VariantReading(known, false, Map.of()));
            }
            StitchLayout layout = known != null ? known : StitchLayout.external(first.playlist());
            if (!first.playlist().isMaster()) {
                Map<String, ProbeResult> same = new HashMap<>();
                layout.names().forEach(name -> same.put(name, first));
                return CompletableFuture.completedFuture(new VariantReading(layout, false, same));
            }
            return fetchMatched(layout, first.source(), first.playlist().variants());
        });
    }

    private CompletableFuture<VariantReading> fetchMatched(StitchLayout layout, URI master, List<Variant> offered) {
        Map<String, Variant> matched = VariantMatcher.match(layout, offered);
        // Two stitched variants may play from the same one of the origin's: fetched once.
        Map<String, CompletableFuture<ProbeResult>> fetches = new LinkedHashMap<>();
        matched.values().forEach(v -> fetches.computeIfAbsent(v.uri(), uri -> probe.fetchExactly(master.resolve(uri))));
        return CompletableFuture.allOf(fetches.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<String, ProbeResult> playlists = new HashMap<>();
                    matched.forEach((name, v) ->
                            playlists.put(name, fetches.get(v.uri()).join()));
                    return new VariantReading(layout, false, playlists);
                });
    }
}
