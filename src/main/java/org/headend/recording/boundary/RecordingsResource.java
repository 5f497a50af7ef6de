package org.headend.recording.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.Page;
import org.headend.platform.Paging;
import org.headend.platform.openapi.Problems;

/** Recordings: list, read, stop, delete, and download the finished MP4 (with range requests). */
@Path("v1/recordings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "recordings")
@RolesAllowed({"admin", "operator"})
public class RecordingsResource {

    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    RecordingOperations operations;

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "listRecordings",
            summary = "List recordings, newest first, a page at a time; ?stream= keeps one stream's")
    @Parameter(
            name = "stream",
            in = ParameterIn.QUERY,
            description = "Only this stream's (a stream id)",
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
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    @APIResponse(
            responseCode = "200",
            description = "One page of recordings",
            content = @Content(schema = @Schema(ref = "RecordingPage")))
    public Page<RecordingJson> list(
            @QueryParam("stream") String stream, @QueryParam("page") String page, @QueryParam("size") String size) {
        return operations.page(stream, Paging.of(page, size, 50, MAX_PAGE_SIZE));
    }

    @GET
    @Path("{rid}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getRecording", summary = "Get one recording: state, times, duration and size")
    @APIResponse(
            responseCode = "200",
            description = "The recording",
            content = @Content(schema = @Schema(ref = "RecordingJson")))
    public RecordingJson get(@PathParam("rid") String id) {
        return operations.view(operations.existing(id));
    }

    @POST
    @Path("{rid}/stop")
    @Operation(
            operationId = "stopRecording",
            summary = "Stop a recording; it is finalised into an MP4 (FINALIZING, then READY or FAILED)")
    @APIResponse(
            responseCode = "200",
            description = "The recording",
            content = @Content(schema = @Schema(ref = "RecordingJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public RecordingJson stop(@PathParam("rid") String id) {
        return operations.view(operations.stop(id));
    }

    @DELETE
    @Path("{rid}")
    @Operation(
            operationId = "deleteRecording",
            summary = "Delete a recording and its file, stopping it first if it is recording")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response delete(@PathParam("rid") String id) {
        operations.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{rid}/file")
    @Produces({Mp4Download.TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "downloadRecording",
            summary = "The MP4 of a READY recording; honours a Range header (206, or 416 when unsatisfiable)")
    @APIResponse(responseCode = "200", description = "The whole MP4", content = @Content(mediaType = "video/mp4"))
    @APIResponse(
            responseCode = "206",
            description = "The requested byte range",
            content = @Content(mediaType = "video/mp4"))
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    @APIResponse(responseCode = "416", ref = Problems.RANGE_NOT_SATISFIABLE)
    public Response file(@PathParam("rid") String id, @HeaderParam("Range") String range) {
        java.nio.file.Path file = operations.file(id);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var answer = Mp4Download.answer(range, size);
        var reply = Response.status(answer.status()).header("Accept-Ranges", "bytes");
        if (answer.contentRange() != null) {
            reply.header("Content-Range", answer.contentRange());
        }
        if (answer.status() == 416) {
            return reply.build();
        }
        StreamingOutput body = out -> Mp4Download.copy(file, answer, out);
        return reply.type(Mp4Download.TYPE)
                .header("Content-Length", answer.length())
                .entity(body)
                .build();
    }
}
