package org.headend.origin.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The variants players of a stream with origins are offered, each stitched on its own: named as
 * the local packagers name them (both write the same ladder), or {@code v0, v1, ...} after an
 * external origin's master when Headend runs no packager for the stream. The names stay while the
 * ladder does, whichever origin plays, so players keep the URIs they were given.
 */
public record StitchLayout(List<Variant> variants) {

    // Players need a BANDWIDTH to accept a variant; where none is known it chooses nothing.
    static final String UNKNOWN = "BANDWIDTH=2000000";

    public StitchLayout {
        variants = List.copyOf(variants);
    }

    /** A local packager's ladder: from its master playlist where it wrote one, else by name alone. */
    public static StitchLayout local(List<String> names, MediaPlaylist master) {
        List<Variant> variants = new ArrayList<>();
        for (String name : names) {
            String attributes = master == null
                    ? UNKNOWN
                    : master.variants().stream()
                            .filter(v -> nameOf(v.uri()).equals(name))
                            .map(Variant::standaloneAttributes)
                            .findFirst()
                            .orElse(UNKNOWN);
            variants.add(new Variant(name, attributes));
        }
        return new StitchLayout(variants);
    }

    /** An external origin's ladder, from its master playlist, or one variant for a media playlist. */
    public static StitchLayout external(MediaPlaylist playlist) {
        if (!playlist.isMaster()) {
            return new StitchLayout(List.of(new Variant("v0", UNKNOWN)));
        }
        List<Variant> variants = new ArrayList<>();
        for (Variant v : playlist.variants()) {
            variants.add(new Variant("v" + variants.size(), v.standaloneAttributes()));
        }
        return new StitchLayout(variants);
    }

    public List<String> names() {
        return variants.stream().map(Variant::uri).toList();
    }

    /** The stitched master playlist: each variant's media playlist in its own folder beside it. */
    public String master() {
        var out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        for (Variant v : variants) {
            out.append("#EXT-X-STREAM-INF:")
                    .append(v.attributes())
                    .append('\n')
                    .append(v.uri())
                    .append("/index.m3u8\n");
        }
        return out.toString();
    }

    private static String nameOf(String uri) {
        int slash = uri.indexOf('/');
        return slash < 0 ? uri : uri.substring(0, slash);
    }
}
