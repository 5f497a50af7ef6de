package org.headend.transcode.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One running packager of a live stream as the origins see it: its HLS folder (a master playlist
 * and one folder per variant), its variants' names, its pid (null between a death and the
 * restart) and how long ago it last reported progress.
 */
public record Packager(boolean backup, Long pid, Path folder, List<String> variants, Duration sinceProgress) {

    public Packager {
        variants = List.copyOf(variants);
    }
}
