package org.headend.output.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.headend.output.control.OutputStore;
import org.headend.output.control.OutputSupervisor;
import org.headend.output.entity.Output;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;

/** A stream's restream outputs: add, list, change, start, stop, remove; each one's status and log. */
@Path("v1/streams/{id}/outputs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "outputs")
@RolesAllowed({"admin", "operator"})
public class OutputsResource {

    private static final Set<String> FIELDS = Set.of("name", "url", "enabled", "rendition");

    @Inject
    OutputOperations operations;

    @Inject
    OutputStore outputs;

    @Inject
    OutputSupervisor supervisor;

    @Context
    UriInfo uri;

    @PathParam("id")
    String streamId;

    @POST
    @Operation(
            operationId = "createOutput",
            summary = "Add an output: rtmp(s)://, srt://, udp:// or rtsp://; it runs while the stream is live")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OutputCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(ref = "OutputJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        Output output = operations.create(
                streamId,
                json.requiredString("name"),
                json.requiredString("url"),
                json.optionalBoolean("enabled").orElse(true),
                json.optionalString("rendition").orElse(null));
        return Response.created(uri.getAbsolutePathBuilder().path(output.id()).build())
                .entity(json(output))
                .build();
    }

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "listOutputs",
            summary = "The stream's outputs with their state, throughput, restarts and last error")
    @APIResponse(
            responseCode = "200",
            description = "The outputs",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "OutputJson")))
    public List<OutputJson> list() {
        operations.stream(streamId);
        return outputs.ofStream(streamId).stream().map(this::json).toList();
    }

    @GET
    @Path("{oid}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getOutput", summary = "One output")
    @APIResponse(
            responseCode = "200",
            description = "The output",
            content = @Content(schema = @Schema(ref = "OutputJson")))
    public OutputJson get(@PathParam("oid") String outputId) {
        return json(operations.existing(streamId, outputId));
    }

    @PUT
    @Path("{oid}")
    @Operation(
            operationId = "updateOutput",
            summary = "Change an output's URL, rendition or enabled flag; a running one restarts")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OutputChange")))
    @APIResponse(
            responseCode = "200",
            description = "The changed output",
            content = @Content(schema = @Schema(ref = "OutputJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public OutputJson change(@PathParam("oid") String outputId, JsonObject body) {
        Output current = operations.existing(streamId, outputId);
        var json = JsonBody.of(body, FIELDS);
        json.requireUnchanged("name", current.name(), "An output cannot be renamed.");
        return json(operations.change(
                streamId,
                outputId,
                json.requiredString("url"),
                json.optionalBoolean("enabled").orElse(current.enabled()),
                json.optionalString("rendition").orElse(null)));
    }

    @POST
    @Path("{oid}/start")
    @Operation(operationId = "startOutput", summary = "Enable the output; it runs now if the stream is live")
    @APIResponse(
            responseCode = "200",
            description = "The output",
            content = @Content(schema = @Schema(ref = "OutputJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public OutputJson start(@PathParam("oid") String outputId) {
        return json(operations.start(streamId, outputId));
    }

    @POST
    @Path("{oid}/stop")
    @Operation(operationId = "stopOutput", summary = "Disable the output and stop its process")
    @APIResponse(
            responseCode = "200",
            description = "The output",
            content = @Content(schema = @Schema(ref = "OutputJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public OutputJson stop(@PathParam("oid") String outputId) {
        return json(operations.stop(streamId, outputId));
    }

    @DELETE
    @Path("{oid}")
    @Operation(operationId = "deleteOutput", summary = "Remove the output")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response delete(@PathParam("oid") String outputId) {
        operations.delete(streamId, outputId);
        return Response.noContent().build();
    }

    @GET
    @Path("{oid}/log")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "getOutputLog",
            summary = "The last 200 lines of the output's ffmpeg log, credentials masked")
    @APIResponse(
            responseCode = "200",
            description = "The log's lines",
            content = @Content(schema = @Schema(ref = "OutputLog")))
    public OutputLog log(@PathParam("oid") String outputId) {
        operations.existing(streamId, outputId);
        return new OutputLog(supervisor.log(outputId));
    }

    public record OutputLog(List<String> lines) {}

    private OutputJson json(Output output) {
        return OutputJson.of(output, supervisor.status(output));
    }
}
