package org.headend.recording.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.openapi.Problems;
import org.headend.recording.entity.Recording;

/**
 * Starting a recording of one stream, under the stream's path. It lives with recording, which
 * owns it, so that stream need not know recordings exist.
 */
@Path("v1/streams/{id}/recordings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "recordings")
@RolesAllowed({"admin", "operator"})
public class StreamRecordingsResource {

    @Inject
    RecordingOperations recordings;

    @Context
    UriInfo uri;

    @POST
    @Operation(
            operationId = "startRecording",
            summary = "Start recording the live stream now; 409 when it is offline or already recording")
    @APIResponse(
            responseCode = "201",
            description = "Recording",
            content = @Content(schema = @Schema(ref = "RecordingJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response record(@PathParam("id") String id) {
        Recording started = recordings.start(id);
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/recordings")
                        .path(started.id())
                        .build())
                .entity(recordings.view(started))
                .build();
    }
}
