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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.headend.output.control.OutputStore;
import org.headend.output.control.OutputSupervisor;
import org.headend.output.entity.Output;
import org.headend.platform.JsonBody;

/** A stream's restream outputs: add, list, change, start, stop, remove; each one's status and log. */
@Path("v1/streams/{id}/outputs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
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
    @Operation(summary = "Add an output: rtmp(s)://, srt://, udp:// or rtsp://; it runs while the stream is live")
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
    @Operation(summary = "The stream's outputs with their state, throughput, restarts and last error")
    public List<OutputJson> list() {
        operations.stream(streamId);
        return outputs.ofStream(streamId).stream().map(this::json).toList();
    }

    @GET
    @Path("{oid}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(summary = "One output")
    public OutputJson get(@PathParam("oid") String outputId) {
        return json(operations.existing(streamId, outputId));
    }

    @PUT
    @Path("{oid}")
    @Operation(summary = "Change an output's URL, rendition or enabled flag; a running one restarts")
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
    @Operation(summary = "Enable the output; it runs now if the stream is live")
    public OutputJson start(@PathParam("oid") String outputId) {
        return json(operations.start(streamId, outputId));
    }

    @POST
    @Path("{oid}/stop")
    @Operation(summary = "Disable the output and stop its process")
    public OutputJson stop(@PathParam("oid") String outputId) {
        return json(operations.stop(streamId, outputId));
    }

    @DELETE
    @Path("{oid}")
    @Operation(summary = "Remove the output")
    public Response delete(@PathParam("oid") String outputId) {
        operations.delete(streamId, outputId);
        return Response.noContent().build();
    }

    @GET
    @Path("{oid}/log")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(summary = "The last 200 lines of the output's ffmpeg log, credentials masked")
    public OutputLog log(@PathParam("oid") String outputId) {
        operations.existing(streamId, outputId);
        return new OutputLog(supervisor.log(outputId));
    }

    public record OutputLog(List<String> lines) {}

    private OutputJson json(Output output) {
        return OutputJson.of(output, supervisor.status(output));
    }
}
