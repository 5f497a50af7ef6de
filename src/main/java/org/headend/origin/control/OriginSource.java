package org.headend.origin.control;

import java.net.URI;
import java.util.List;
import org.headend.transcode.control.PackagerTarget;

/**
 * An origin as one probing round sees it: an external one has a URL; a local packager has the
 * target it writes its HLS to (null while its process is gone) and a pid.
 */
public record OriginSource(
        String id,
        String name,
        int priority,
        URI url,
        boolean local,
        PackagerTarget packager,
        Long pid,
        String packagerFailure) {

    public static final String LOCAL = "local";
    public static final String LOCAL_BACKUP = "local-backup";

    public static OriginSource external(String id, String name, int priority, URI url) {
        return new OriginSource(id, name, priority, url, false, null, null, null);
    }

    /** A local packager's variants, as it names them; none for an external origin. */
    public List<String> variants() {
        return packager == null ? List.of() : packager.variants();
    }

    /** True for a local packager with playlists to read; its health is judged on its first variant. */
    public boolean readable() {
        return local && packager != null && !variants().isEmpty();
    }
}
