package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.origin.entity.Origin;
import org.headend.transcode.control.Packager;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * The origins of a stream as a probing round sees them: its packagers while it is live (with the
 * supervisor's own verdict on each), then its external origins.
 */
@ApplicationScoped
public class OriginSources {

    @Inject
    @ConfigProperty(name = "headend.origins.local-priority", defaultValue = "0")
    int localPriority;

    @Inject
    @ConfigProperty(name = "headend.origins.packager-stall", defaultValue = "PT0.75S")
    Duration packagerStall;

    @Inject
    TranscoderSupervisor transcoders;

    public List<OriginSource> of(String streamId, String streamName, List<Origin> external) {
        List<OriginSource> sources = new ArrayList<>();
        for (Packager packager : transcoders.packagers(streamId)) {
            String id = packager.backup() ? OriginSource.LOCAL_BACKUP : OriginSource.LOCAL;
            sources.add(new OriginSource(
                    id,
                    id,
                    localPriority + (packager.backup() ? 1 : 0),
                    null,
                    true,
                    packager.target(),
                    packager.pid(),
                    failure(packager)));
        }
        for (Origin o : external) {
            sources.add(OriginSource.external(o.id(), o.name(), o.priority(), URI.create(o.url())));
        }
        return sources;
    }

    // The supervisor's own signals come before any playlist ages: a dead or silent ffmpeg fails now.
    private String failure(Packager packager) {
        if (packager.pid() == null) {
            return "the packager is not running";
        }
        return packager.sinceProgress().compareTo(packagerStall) > 0
                ? "the packager reported no progress for "
                        + packager.sinceProgress().toMillis() + " ms"
                : null;
    }
}
