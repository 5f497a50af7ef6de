package org.headend.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.headend.audit.entity.Actor;
import org.headend.audit.entity.AuditEntry;

/**
 * Records what an actor did. The boundary that took the request says who that was (an
 * {@link Actor}); this class knows nothing of requests, so timers and tests use it alike.
 */
@ApplicationScoped
public class Audit {

    @Inject
    AuditLog log;

    public void record(Actor actor, String action, String objectType, String objectId, String detail) {
        log.record(new AuditEntry(actor.name(), actor.address(), action, objectType, objectId, detail));
    }
}
