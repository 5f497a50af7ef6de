package org.headend.origin.control;

import java.net.URI;
import java.nio.file.Path;

/**
 * An origin as one probing round sees it: an external one has a URL; the local packager has the
 * path of its playlist (null while its process is gone) and a pid.
 */
public record OriginSource(
        String id, String name, int priority, URI url, boolean local, Path playlist, Long pid, String packagerFailure) {

    public static final String LOCAL = "local";
    public static final String LOCAL_BACKUP = "local-backup";

    public static OriginSource external(String id, String name, int priority, URI url) {
        return new OriginSource(id, name, priority, url, false, null, null, null);
    }
}
