package org.headend.origin.control;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * An origin as one probing round sees it: an external one has a URL; a local packager has its HLS
 * folder (null while its process is gone), the names of its variants and a pid.
 */
public record OriginSource(
        String id,
        String name,
        int priority,
        URI url,
        boolean local,
        Path folder,
        List<String> variants,
        Long pid,
        String packagerFailure) {

    public static final String LOCAL = "local";
    public static final String LOCAL_BACKUP = "local-backup";

    public OriginSource {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public static OriginSource external(String id, String name, int priority, URI url) {
        return new OriginSource(id, name, priority, url, false, null, List.of(), null, null);
    }

    /** A local packager's media playlist of one variant; its health is judged on the first. */
    public Path playlist(String variant) {
        return folder.resolve(variant).resolve("index.m3u8");
    }

    /** The playlist a probe reads, null when there is none to read. */
    public Path playlist() {
        return folder == null || variants.isEmpty() ? null : playlist(variants.get(0));
    }
}
