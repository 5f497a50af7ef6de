package org.headend.origin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.headend.origin.entity.OriginsChanged;
import org.headend.platform.console.ConsolePush;

/**
 * Tells open stream pages that an origin's health or the active origin changed: the page then
 * reloads its origins table. Sent on changes only, never on every probe.
 */
@ApplicationScoped
public class OriginPush {

    @Inject
    ConsolePush push;

    void changed(@Observes OriginsChanged change) {
        push.send(Map.of(
                "type",
                "origins",
                "streamId",
                change.streamId(),
                "at",
                Instant.now().toEpochMilli()));
    }
}
