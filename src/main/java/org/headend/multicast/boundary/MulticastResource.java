package org.headend.multicast.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.headend.multicast.control.MulticastStore;
import org.headend.multicast.control.MulticastSupervisor;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;

/**
 * A stream's multicast senders: add, list, read, remove; each one's SDP and source log. Roles are
 * per method: the SDP file may be open to set-top boxes ({@link FileAccess}).
 */
@Path("v1/streams/{id}/multicast")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "multicast")
public class MulticastResource {

    private static final Set<String> FIELDS =
            Set.of("group", "port", "ttl", "interface", "rendition", "format", "announce");

    @Inject
    MulticastOperations operations;

    @Inject
    MulticastStore senders;

    @Inject
    MulticastSupervisor supervisor;

    @Inject
    MulticastFiles files;

    @Inject
    FileAccess access;

    @Context
    UriInfo uri;

    @PathParam("id")
    String streamId;

    @POST
    @RolesAllowed({"admin", "operator"})
    @Operation(
            operationId = "createMulticastSender",
            summary = "Send the stream (or one rendition) to a multicast group while it is live")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MulticastCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(ref = "MulticastJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        MulticastChannel channel = operations.create(
                streamId,
                new SenderRequest(
                        json.optionalString("group").orElse(null),
                        json.optionalInt("port").orElse(null),
                        json.optionalInt("ttl").orElse(null),
                        json.optionalString("interface").orElse(null),
                        json.optionalString("rendition").orElse(null),
                        json.optionalString("format").orElse(null),
                        json.optionalBoolean("announce").orElse(null)));
        return Response.created(uri.getAbsolutePathBuilder().path(channel.id()).build())
                .entity(json(channel))
                .build();
    }

    @GET
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(
            operationId = "listMulticastSenders",
            summary = "The stream's multicast senders with their state and live figures")
    @APIResponse(
            responseCode = "200",
            description = "The senders",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "MulticastJson")))
    public List<MulticastJson> list() {
        operations.stream(streamId);
        return senders.ofStream(streamId).stream().map(this::json).toList();
    }

    @GET
    @Path("{mid}")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getMulticastSender", summary = "One multicast sender")
    @APIResponse(
            responseCode = "200",
            description = "The sender",
            content = @Content(schema = @Schema(ref = "MulticastJson")))
    public MulticastJson get(@PathParam("mid") String senderId) {
        return json(operations.existing(streamId, senderId));
    }

    @GET
    @Path("{mid}.sdp")
    @Produces(MulticastFiles.SDP)
    @Operation(operationId = "getMulticastSdp", summary = "The sender's session description (SDP), as SAP announces it")
    @APIResponse(responseCode = "200", description = "The SDP", content = @Content(mediaType = "application/sdp"))
    public String sdp(@PathParam("mid") String senderId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        access.check(authorization);
        return files.sdp(operations.existing(streamId, senderId));
    }

    @DELETE
    @Path("{mid}")
    @RolesAllowed({"admin", "operator"})
    @Operation(
            operationId = "deleteMulticastSender",
            summary = "Stop and remove the sender; its SAP session is deleted")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response delete(@PathParam("mid") String senderId) {
        operations.delete(streamId, senderId);
        return Response.noContent().build();
    }

    @GET
    @Path("{mid}/log")
    @RolesAllowed({"admin", "operator", "viewer"})
    @Operation(operationId = "getMulticastSenderLog", summary = "The last 200 lines of the sender's source ffmpeg log")
    @APIResponse(
            responseCode = "200",
            description = "The log's lines",
            content = @Content(schema = @Schema(ref = "SenderLog")))
    public SenderLog log(@PathParam("mid") String senderId) {
        operations.existing(streamId, senderId);
        return new SenderLog(supervisor.log(senderId));
    }

    public record SenderLog(List<String> lines) {}

    private MulticastJson json(MulticastChannel channel) {
        String sdp = uri.getBaseUriBuilder()
                .path("v1/streams/{id}/multicast/{mid}.sdp")
                .build(channel.streamId(), channel.id())
                .toString();
        return MulticastJson.of(channel, supervisor.status(channel.id()), sdp);
    }
}
