package org.headend.multicast.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every multicast sender as one {@code .m3u} playlist, for players and set-top boxes. */
@Path("v1/multicast/channels.m3u")
@RequestScoped
@SecurityRequirement(name = "bearer")
@Tag(name = "multicast")
public class ChannelListResource {

    @Inject
    MulticastFiles files;

    @Inject
    FileAccess access;

    @GET
    @Produces(MulticastFiles.M3U)
    @Operation(
            operationId = "getMulticastChannelList",
            summary = "The channel list: every multicast sender's udp:// or rtp:// URL")
    @APIResponse(
            responseCode = "200",
            description = "The channel list",
            content = @Content(mediaType = "audio/x-mpegurl"))
    public String channels(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        access.check(authorization);
        return files.channelList();
    }
}
