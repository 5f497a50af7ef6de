package org.headend.audit.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The audit listing as the OpenAPI document describes it: a page of one type, for clients. */
final class AuditSchemas {

    private AuditSchemas() {}

    @Schema(name = "AuditPage", description = "One page of audit entries, newest first")
    record Page(List<AuditJson> items, int page, int size, long total) {}
}
