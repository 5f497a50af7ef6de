package org.headend.origin.control;

import java.util.Map;

/**
 * What one origin offers for each stitched variant: the layout it was read against and, by
 * stitched variant name, the media playlist it serves for it. {@code fromPackager} marks a
 * layout read from a local packager, which names the stream's variants for good.
 */
public record VariantReading(StitchLayout layout, boolean fromPackager, Map<String, ProbeResult> playlists) {

    public VariantReading {
        playlists = Map.copyOf(playlists);
    }
}
