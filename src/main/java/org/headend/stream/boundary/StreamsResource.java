package org.headend.stream.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.JsonBody;
import org.headend.platform.Page;
import org.headend.platform.Paging;
import org.headend.platform.openapi.Problems;
import org.headend.stream.control.Audience;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.control.TranscoderLogs;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamStatus;

/** Streams: create, list, read, change ladder, rotate the key, delete; and each one's live status. */
@Path("v1/streams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "streams")
@RolesAllowed({"admin", "operator"})
public class StreamsResource {

    private static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> FIELDS =
            Set.of("name", "ladder", "record", "expiresAt", "input", "redundancy", "public", "worker");

    @Inject
    StreamStore streams;

    @Inject
    StreamOperations operations;

    @Inject
    LiveStreams live;

    @Inject
    TranscoderLogs transcoders;

    @Inject
    StreamInputs inputs;

    @Inject
    Audience audience;

    @Context
    UriInfo uri;

    @POST
    @Operation(
            operationId = "createStream",
            summary = "Create a stream; the answer carries its stream key, shown this once")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StreamCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created; streamKey is shown this once",
            content = @Content(schema = @Schema(ref = "StreamJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        var created = operations.create(
                json.requiredString("name"),
                json.optionalString("ladder").orElse("default"),
                json.optionalString("record").orElse(Stream.RECORD_OFF),
                json.optionalString("expiresAt")
                        .map(t -> StreamOperations.instant("expiresAt", t))
                        .orElse(null),
                input(json).orElse(InputRequest.RTMP),
                json.optionalBoolean("public").orElse(false),
                json.optionalBoolean("redundancy"));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.stream().id()).build())
                .entity(view(created.stream(), created.key()))
                .build();
    }

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "listStreams", summary = "List streams, a page at a time")
    @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    @APIResponse(
            responseCode = "200",
            description = "One page of streams",
            content = @Content(schema = @Schema(ref = "StreamPage")))
    public Page<StreamJson> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 50, MAX_PAGE_SIZE);
        return new Page<>(
                streams.page(paging).stream().map(s -> view(s, null)).toList(),
                paging.page(),
                paging.size(),
                streams.count());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getStream", summary = "Get one stream")
    @APIResponse(
            responseCode = "200",
            description = "The stream (without its key)",
            content = @Content(schema = @Schema(ref = "StreamJson")))
    public StreamJson get(@PathParam("id") String id) {
        return view(existing(id), null);
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "updateStream",
            summary =
                    "Change a stream's ladder (from the next publish), recording mode, expiry, input, public playback or worker")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StreamChange")))
    @APIResponse(
            responseCode = "200",
            description = "The changed stream",
            content = @Content(schema = @Schema(ref = "StreamJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public StreamJson update(@PathParam("id") String id, JsonObject body) {
        Stream stream = operations.existing(id);
        var json = JsonBody.of(body, FIELDS);
        stream = StreamChange.read(json, stream, input(json)).applyTo(operations, id, stream);
        return view(stream, null);
    }

    @GET
    @Path("{id}/playback")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "getStreamPlayback",
            summary = "A playback URL for the stream; for a protected one, signed for ttl seconds")
    @Parameters(
            @Parameter(
                    name = "ttl",
                    in = ParameterIn.QUERY,
                    description = "Seconds the signed URL stays valid (default: headend.playback.token-ttl)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "604800")))
    @APIResponse(
            responseCode = "200",
            description = "The playback URL",
            content = @Content(schema = @Schema(ref = "PlaybackJson")))
    public PlaybackJson playback(@PathParam("id") String id, @QueryParam("ttl") String ttl) {
        Stream stream = existing(id);
        String host = uri.getBaseUri().getHost();
        return new PlaybackJson(audience.playbackUrl(host, stream, ttl));
    }

    /** Only the URL: the token's expiry is inside it, and players need nothing else. */
    public record PlaybackJson(String playbackUrl) {}

    @POST
    @Path("{id}/rotate-key")
    @Operation(
            operationId = "rotateStreamKey",
            summary = "Revoke the stream's key and issue a new one, shown this once; a live publisher stays on")
    @APIResponse(
            responseCode = "200",
            description = "The stream with its new streamKey",
            content = @Content(schema = @Schema(ref = "StreamJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public StreamJson rotateKey(@PathParam("id") String id) {
        String key = operations.rotateKey(id);
        return view(operations.existing(id), key);
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "getStreamStatus",
            summary = "The stream's live state, input, renditions and transcoder figures")
    @APIResponse(
            responseCode = "200",
            description = "The live status",
            content = @Content(schema = @Schema(ref = "StreamStatus")))
    public StreamStatus status(@PathParam("id") String id) {
        Stream stream = existing(id);
        return live.status(stream.id(), stream.name());
    }

    @GET
    @Path("{id}/log")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "getStreamLog",
            summary = "The last lines (up to 200) of the live transcoder's log; empty while offline")
    @APIResponse(
            responseCode = "200",
            description = "The log's lines",
            content = @Content(schema = @Schema(ref = "TranscoderLog")))
    public TranscoderLog log(@PathParam("id") String id) {
        existing(id);
        return new TranscoderLog(transcoders.log(id).orElse(List.of()));
    }

    /** ffmpeg's own messages (warnings and errors) and Headend's notes about the process. */
    public record TranscoderLog(List<String> lines) {}

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteStream",
            summary = "Delete a stream; refused while it is live unless force=true, which stops it")
    @Parameters(
            @Parameter(
                    name = "force",
                    in = ParameterIn.QUERY,
                    description = "Stop the transcoder and disconnect the publisher first",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")))
    @APIResponse(responseCode = "204", description = "Deleted with its keys")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response delete(@PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
        operations.delete(id, force);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/input/log")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "getStreamInputLog",
            summary = "The last lines (up to 200) of the SRT/UDP listener's log; empty for RTMP inputs")
    @APIResponse(
            responseCode = "200",
            description = "The log's lines",
            content = @Content(schema = @Schema(ref = "TranscoderLog")))
    public TranscoderLog inputLog(@PathParam("id") String id) {
        existing(id);
        return new TranscoderLog(inputs.log(id).orElse(List.of()));
    }

    private static java.util.Optional<InputRequest> input(JsonBody json) {
        return json.optionalObject("input", InputRequest.fields()).map(InputRequest::of);
    }

    private Stream existing(String id) {
        return operations.existing(id);
    }

    private StreamJson view(Stream stream, String key) {
        String host = uri.getBaseUri().getHost();
        return StreamJson.of(
                stream,
                live.status(stream.id(), stream.name()).state(),
                inputs.view(stream, host),
                audience.playbackUrl(host, stream, null),
                key);
    }
}
