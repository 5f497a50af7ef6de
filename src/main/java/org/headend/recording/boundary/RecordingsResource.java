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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.headend.platform.Page;
import org.headend.platform.Paging;

/** Recordings: list, read, stop, delete, and download the finished MP4 (with range requests). */
@Path("v1/recordings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed({"admin", "operator"})
public class RecordingsResource {

    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    RecordingOperations operations;

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(summary = "List recordings, newest first, a page at a time; ?stream= keeps one stream's")
    public Page<RecordingJson> list(
            @QueryParam("stream") String stream, @QueryParam("page") String page, @QueryParam("size") String size) {
        return operations.page(stream, Paging.of(page, size, 50, MAX_PAGE_SIZE));
    }

    @GET
    @Path("{rid}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(summary = "Get one recording: state, times, duration and size")
    public RecordingJson get(@PathParam("rid") String id) {
        return operations.view(operations.existing(id));
    }

    @POST
    @Path("{rid}/stop")
    @Operation(summary = "Stop a recording; it is finalised into an MP4 (FINALIZING, then READY or FAILED)")
    public RecordingJson stop(@PathParam("rid") String id) {
        return operations.view(operations.stop(id));
    }

    @DELETE
    @Path("{rid}")
    @Operation(summary = "Delete a recording and its file, stopping it first if it is recording")
    public Response delete(@PathParam("rid") String id) {
        operations.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{rid}/file")
    @Produces({Mp4Download.TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(summary = "The MP4 of a READY recording; honours a Range header (206, or 416 when unsatisfiable)")
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
