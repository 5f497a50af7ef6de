package org.headend.transcode.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
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
import org.headend.platform.ApiException;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;
import org.headend.transcode.control.LadderStore;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;

/** Ladders: list, create, replace and delete; the built-in ones can be read but not changed. */
@Path("v1/ladders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "ladders")
@RolesAllowed({"admin", "operator"})
public class LaddersResource {

    private static final Set<String> LADDER_FIELDS = Set.of("name", "passthrough", "renditions");
    private static final Set<String> RENDITION_FIELDS =
            Set.of("name", "width", "height", "videoKbps", "audioKbps", "maxFps", "profile", "preset", "encoder");

    @Inject
    LadderStore ladders;

    @Inject
    LadderOperations operations;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "listLadders", summary = "List ladders")
    @APIResponse(
            responseCode = "200",
            description = "The ladders",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "LadderJson")))
    public List<LadderJson> list() {
        return ladders.all().stream().map(LadderJson::of).toList();
    }

    @GET
    @Path("{name}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getLadder", summary = "Get one ladder")
    @APIResponse(
            responseCode = "200",
            description = "The ladder",
            content = @Content(schema = @Schema(ref = "LadderJson")))
    public LadderJson get(@PathParam("name") String name) {
        return LadderJson.of(operations.existing(name));
    }

    @POST
    @Operation(operationId = "createLadder", summary = "Create a ladder")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LadderCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(ref = "LadderJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, LADDER_FIELDS);
        Ladder created = operations.create(
                json.requiredString("name"), json.optionalBoolean("passthrough").orElse(false), renditions(json));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.name()).build())
                .entity(LadderJson.of(created))
                .build();
    }

    @PUT
    @Path("{name}")
    @Operation(
            operationId = "replaceLadder",
            summary = "Replace a ladder's renditions; live streams use it from their next publish")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LadderChange")))
    @APIResponse(
            responseCode = "200",
            description = "The changed ladder",
            content = @Content(schema = @Schema(ref = "LadderJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public LadderJson replace(@PathParam("name") String name, JsonObject body) {
        operations.existing(name);
        var json = JsonBody.of(body, LADDER_FIELDS);
        json.requireUnchanged("name", name, "A ladder cannot be renamed; create a new one.");
        return LadderJson.of(
                operations.replace(name, json.optionalBoolean("passthrough").orElse(false), renditions(json)));
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteLadder", summary = "Delete a ladder no stream uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response delete(@PathParam("name") String name) {
        operations.delete(name);
        return Response.noContent().build();
    }

    private static List<Rendition> renditions(JsonBody json) {
        JsonValue value = json.value("renditions").orElse(JsonValue.EMPTY_JSON_ARRAY);
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badRequest("Field 'renditions' must be an array.");
        }
        List<Rendition> renditions = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject object)) {
                throw ApiException.badRequest("Each rendition must be an object.");
            }
            var r = JsonBody.of(object, RENDITION_FIELDS);
            renditions.add(new Rendition(
                    r.requiredString("name"),
                    r.requiredInt("width"),
                    r.requiredInt("height"),
                    r.requiredInt("videoKbps"),
                    r.optionalInt("audioKbps").orElse(128),
                    r.optionalInt("maxFps").orElse(30),
                    r.optionalString("profile").orElse("main"),
                    r.optionalString("preset").orElse("veryfast"),
                    r.optionalString("encoder").orElse(VideoEncoder.AUTO.value())));
        }
        return renditions;
    }
}
