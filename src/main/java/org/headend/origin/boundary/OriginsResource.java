package org.headend.origin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.origin.control.SwitchHistory;
import org.headend.origin.entity.Origin;
import org.headend.origin.entity.OriginSwitched;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;

/** A stream's HLS origins: add, list with health, remove, choose one by hand or let Headend choose. */
@Path("v1/streams/{id}/origins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "origins")
@RolesAllowed({"admin", "operator"})
public class OriginsResource {

    private static final Set<String> FIELDS = Set.of("name", "url", "priority");

    @Inject
    OriginOperations operations;

    @Inject
    SwitchHistory history;

    @Context
    UriInfo uri;

    @PathParam("id")
    String streamId;

    @POST
    @Operation(
            operationId = "createOrigin",
            summary = "Add an external origin: the http(s) URL of its media or master playlist")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OriginCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(ref = "OriginJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        Origin origin = operations.create(
                streamId,
                json.requiredString("name"),
                json.requiredString("url"),
                json.optionalInt("priority").orElse(10));
        return Response.created(uri.getAbsolutePathBuilder().path(origin.id()).build())
                .entity(operations.one(streamId, origin.id()))
                .build();
    }

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "listOrigins",
            summary =
                    "The stream's origins (its packager while live, then external ones) with health and the active one")
    @APIResponse(
            responseCode = "200",
            description = "The origins",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "OriginJson")))
    public List<OriginJson> list() {
        return operations.list(streamId);
    }

    @GET
    @Path("history")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "getOriginHistory",
            summary = "The stream's last switches between origins, newest first: when, from, to, and why")
    @APIResponse(
            responseCode = "200",
            description = "The last 50 switches",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "OriginSwitched")))
    public List<OriginSwitched> history() {
        operations.stream(streamId);
        return history.of(streamId);
    }

    @GET
    @Path("{oid}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getOrigin", summary = "One origin; 'local' is the stream's own packager")
    @APIResponse(
            responseCode = "200",
            description = "The origin",
            content = @Content(schema = @Schema(ref = "OriginJson")))
    public OriginJson get(@PathParam("oid") String originId) {
        return operations.one(streamId, originId);
    }

    @DELETE
    @Path("{oid}")
    @Operation(operationId = "deleteOrigin", summary = "Remove an external origin")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response delete(@PathParam("oid") String originId) {
        operations.delete(streamId, originId);
        return Response.noContent().build();
    }

    @POST
    @Path("{oid}/activate")
    @Operation(
            operationId = "activateOrigin",
            summary = "Manual override: play from this origin now and prefer it until 'auto'")
    @APIResponse(
            responseCode = "200",
            description = "The origin, now preferred",
            content = @Content(schema = @Schema(ref = "OriginJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public OriginJson activate(@PathParam("oid") String originId) {
        return operations.activate(streamId, originId);
    }

    @POST
    @Path("auto")
    @Operation(
            operationId = "clearOriginOverride",
            summary = "End the manual override: Headend chooses by health and priority again")
    @APIResponse(
            responseCode = "200",
            description = "The origins",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "OriginJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public List<OriginJson> automatic() {
        return operations.automatic(streamId);
    }
}
