package org.headend.transcode.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.ApiException;
import org.headend.transcode.control.Thumbnails;
import org.headend.transcode.entity.Thumbnail;

/** A live stream's latest frame as a JPEG, for dashboards and stream pickers. */
@Path("v1/streams/{id}/thumbnail.jpg")
@RequestScoped
@SecurityRequirement(name = "bearer")
@Tag(name = "streams")
@RolesAllowed({"admin", "operator", "viewer"})
public class ThumbnailResource {

    static final String JPEG = "image/jpeg";

    @Inject
    Thumbnails thumbnails;

    @Inject
    ThumbnailMetrics metrics;

    @GET
    @Produces(JPEG)
    @Operation(
            operationId = "getStreamThumbnail",
            summary = "A JPEG frame of the live stream, no older than headend.thumbnail.max-age; "
                    + "404 when the stream is unknown or offline or has no frame that fresh")
    @APIResponse(responseCode = "200", description = "The latest frame", content = @Content(mediaType = "image/jpeg"))
    public Response get(@PathParam("id") String id) {
        Thumbnail latest;
        try {
            latest = thumbnails.latest(id);
        } catch (ApiException missing) {
            metrics.count(ThumbnailMetrics.MISSING);
            throw missing;
        }
        metrics.count(ThumbnailMetrics.SERVED);
        return Response.ok(latest.jpeg(), JPEG)
                // Each answer is a new frame: a cache would only serve an older one.
                .header("Cache-Control", "no-store")
                .lastModified(Date.from(latest.takenAt()))
                .build();
    }
}
