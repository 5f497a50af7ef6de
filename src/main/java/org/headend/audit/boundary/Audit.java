package org.headend.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.headend.audit.control.AuditLog;
import org.headend.audit.entity.AuditEntry;

/** Records what the current request did, on behalf of its signed-in caller and from its address. */
@RequestScoped
public class Audit {

    public static final String SYSTEM = "system";

    @Inject
    AuditLog log;

    @Inject
    HttpServletRequest request;

    private boolean system;

    /**
     * Makes what this request scope does next recorded as done by "system", with no address: for
     * timers and startup work, which run outside any HTTP request.
     */
    public void actAsSystem() {
        system = true;
    }

    public void record(String action, String objectType, String objectId, String detail) {
        if (system) {
            log.record(new AuditEntry(SYSTEM, null, action, objectType, objectId, detail));
            return;
        }
        Principal caller = request.getUserPrincipal();
        recordAs(caller == null ? "anonymous" : caller.getName(), action, objectType, objectId, detail);
    }

    /** For events with no signed-in caller yet, such as a sign-in attempt. */
    public void recordAs(String actor, String action, String objectType, String objectId, String detail) {
        log.record(new AuditEntry(actor, request.getRemoteAddr(), action, objectType, objectId, detail));
    }
}
