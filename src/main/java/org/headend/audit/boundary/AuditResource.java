package org.headend.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.headend.audit.control.AuditLog;
import org.headend.audit.entity.AuditQuery;
import org.headend.platform.Page;
import org.headend.platform.Paging;

/** The audit trail for admins: filtered and paged as JSON, or whole as CSV. */
@Path("v1")
@RequestScoped
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class AuditResource {

    private static final int MAX_PAGE_SIZE = 500;

    @Inject
    AuditLog log;

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit entries, newest first; filter by user, object (type or type/id) and time")
    public Page<AuditJson> list(
            @QueryParam("user") String user,
            @QueryParam("object") String object,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 50, MAX_PAGE_SIZE);
        AuditQuery query = query(user, object, from, to);
        return new Page<>(
                log.search(query, paging).stream().map(AuditJson::of).toList(),
                paging.page(),
                paging.size(),
                log.count(query));
    }

    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    @Operation(summary = "The same entries as CSV, for spreadsheets and archives")
    public Response csv(
            @QueryParam("user") String user,
            @QueryParam("object") String object,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        String csv = Csv.audit(log.search(query(user, object, from, to), new Paging(0, Csv.MAX_ROWS)));
        return Response.ok(csv)
                .type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"headend-audit.csv\"")
                .build();
    }

    private static AuditQuery query(String user, String object, String from, String to) {
        return AuditQuery.parse(user, object, from, to);
    }
}
