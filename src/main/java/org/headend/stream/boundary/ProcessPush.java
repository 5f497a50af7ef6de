package org.headend.stream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.headend.platform.console.ConsolePush;
import org.headend.platform.process.ProcessChanged;

/**
 * Tells open stream pages that a process of the stream's work moved (started, restarting, failed,
 * stopped): the page then reloads its processes table. Sent on moves only, never on progress.
 */
@ApplicationScoped
public class ProcessPush {

    @Inject
    ConsolePush push;

    void changed(@Observes ProcessChanged change) {
        push.send(Map.of(
                "type",
                "processes",
                "streamId",
                change.streamId(),
                "role",
                change.role(),
                "state",
                change.now().state().name(),
                "at",
                change.now().since().toEpochMilli()));
    }
}
