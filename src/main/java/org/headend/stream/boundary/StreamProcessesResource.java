package org.headend.stream.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.process.ProcessRegistry;

/** The work of one live stream: every process that runs for it, where, and how it stands. */
@Path("v1/streams/{id}/processes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "streams")
@RolesAllowed({"admin", "operator", "viewer"})
public class StreamProcessesResource {

    @Inject
    StreamOperations operations;

    @Inject
    ProcessRegistry registry;

    @GET
    @Operation(
            operationId = "listStreamProcesses",
            summary = "What runs for the stream: packagers, outputs, recording, input relay, multicast sources; "
                    + "empty while it is offline")
    @APIResponse(
            responseCode = "200",
            description = "The stream's processes, input relay and packagers first",
            content = @Content(schema = @Schema(ref = "StreamProcesses")))
    public StreamProcesses list(@PathParam("id") String id) {
        operations.existing(id);
        return StreamProcesses.of(registry.parts(id));
    }
}
