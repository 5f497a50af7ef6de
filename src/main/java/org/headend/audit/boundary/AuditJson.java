package org.headend.audit.boundary;

import java.time.Instant;
import org.headend.audit.entity.AuditEntry;

/** An audit entry as the API shows it. */
public record AuditJson(
        Instant at, String actor, String address, String action, String objectType, String objectId, String detail)
        implements java.io.Serializable {

    static AuditJson of(AuditEntry e) {
        return new AuditJson(e.at(), e.actor(), e.address(), e.action(), e.objectType(), e.objectId(), e.detail());
    }
}
