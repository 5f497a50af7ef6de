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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.audit.control.AuditLog;
import org.headend.audit.entity.AuditQuery;
import org.headend.platform.Page;
import org.headend.platform.Paging;
import org.headend.platform.openapi.Problems;

/** The audit trail for admins: filtered and paged as JSON, or whole as CSV. */
@Path("v1")
@RequestScoped
@SecurityRequirement(name = "bearer")
@Tag(name = "audit")
@RolesAllowed("admin")
public class AuditResource {

    private static final int MAX_PAGE_SIZE = 500;

    @Inject
    AuditLog log;

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listAuditEntries",
            summary = "Audit entries, newest first; filter by user, object (type or type/id) and time")
    @Parameter(
            name = "user",
            in = ParameterIn.QUERY,
            description = "Only what this user did",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "object",
            in = ParameterIn.QUERY,
            description = "stream, stream/{id}, ladder/{name}, user/{name}, token/{id} or webhook/{id}",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "From this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Up to this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    @APIResponse(
            responseCode = "200",
            description = "One page of entries",
            content = @Content(schema = @Schema(ref = "AuditPage")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
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
    @Operation(operationId = "exportAuditCsv", summary = "The same entries as CSV, for spreadsheets and archives")
    @Parameter(
            name = "user",
            in = ParameterIn.QUERY,
            description = "Only what this user did",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "object",
            in = ParameterIn.QUERY,
            description = "stream, stream/{id}, ladder/{name}, user/{name}, token/{id} or webhook/{id}",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "From this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Up to this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The entries as CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
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
