package org.headend.origin.control;

import java.util.Map;

/**
 * Stitched playlists to write: the master (null when it did not change) and, by variant name, the
 * media playlists that changed.
 */
public record StitchedText(String master, Map<String, String> media) {

    public StitchedText {
        media = Map.copyOf(media);
    }
}
