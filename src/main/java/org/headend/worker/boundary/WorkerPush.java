package org.headend.worker.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.headend.platform.console.ConsolePush;
import org.headend.worker.entity.WorkerChanged;

/** Tells open workers pages that a worker changed (state, capabilities, load, jobs): they reload its table. */
@ApplicationScoped
public class WorkerPush {

    @Inject
    ConsolePush push;

    void changed(@Observes WorkerChanged change) {
        push.send(Map.of(
                "type", "workers", "name", change.name(), "at", Instant.now().toEpochMilli()));
    }
}
