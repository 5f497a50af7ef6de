package org.headend.ingest.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.ingest.control.PublishAuthorizer;
import org.headend.platform.ApiException;
import org.headend.worker.control.Placements;

/**
 * nginx-rtmp's {@code on_publish} and {@code on_publish_done} callbacks. Only nginx can call them:
 * each call must carry the shared secret Headend wrote into nginx's configuration.
 */
@Path("hooks/rtmp")
@RequestScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RtmpHooksResource {

    @Inject
    PublishAuthorizer authorizer;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    IngestMetrics ingestMetrics;

    @Inject
    Placements placements;

    @POST
    @Path("publish")
    @Operation(hidden = true)
    public Response publish(@QueryParam("secret") String secret, MultivaluedMap<String, String> form) {
        requireSecret(secret);
        require(form, "call", "name", "clientid", "app", "addr");
        if (!IngestEndpoints.APPLICATION.equals(form.getFirst("app"))) {
            return refused("publishing is only allowed to the '" + IngestEndpoints.APPLICATION + "' application");
        }
        var decision = authorizer.onPublish(form.getFirst("name"), form.getFirst("clientid"), form.getFirst("addr"));
        if (!decision.accepted()) {
            return refused(decision.refusal());
        }
        ingestMetrics.count(IngestMetrics.ACCEPTED);
        // nginx-rtmp takes a relative Location as the stream's new name: the key never travels further.
        return Response.status(Response.Status.FOUND)
                .header("Location", decision.publicName())
                .build();
    }

    @POST
    @Path("publish_done")
    @Operation(hidden = true)
    public Response publishDone(@QueryParam("secret") String secret, MultivaluedMap<String, String> form) {
        requireSecret(secret);
        require(form, "clientid");
        authorizer.onPublishDone(form.getFirst("clientid"));
        return Response.noContent().build();
    }

    /**
     * nginx-rtmp's {@code on_play}: only this node's own readers and the workers transcoding the
     * stream may pull it (the stream is played under its public name; the key stays here).
     */
    @POST
    @Path("play")
    @Operation(hidden = true)
    public Response play(@QueryParam("secret") String secret, MultivaluedMap<String, String> form) {
        requireSecret(secret);
        require(form, "name", "addr");
        if (!placements.mayServe(form.getFirst("addr"), form.getFirst("name"))) {
            throw new ApiException(
                    403, "Play refused", "Only Headend and the workers transcoding this stream may pull it.");
        }
        return Response.noContent().build();
    }

    /**
     * nginx's {@code auth_request} before a worker's PUT or DELETE of HLS files below
     * {@code /put/<stream>/}: allowed only for a worker running one of that stream's packagers now,
     * so a packager cut off and replaced cannot write over its successor's files.
     */
    @GET
    @Path("put")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response put(
            @QueryParam("secret") String secret,
            @HeaderParam("X-Original-URI") String uri,
            @HeaderParam("X-Real-IP") String address) {
        requireSecret(secret);
        String stream = WorkerUploads.stream(uri)
                .orElseThrow(() -> ApiException.badRequest("X-Original-URI must be /put/<stream>/<file>."));
        if (address == null || !placements.mayServe(address, stream)) {
            throw new ApiException(403, "Write refused", "Only a worker transcoding this stream may write its HLS.");
        }
        return Response.noContent().build();
    }

    private Response refused(String why) {
        ingestMetrics.count(IngestMetrics.REFUSED);
        throw new ApiException(403, "Publish refused", why);
    }

    private void requireSecret(String secret) {
        if (!endpoints.isHookSecret(secret)) {
            throw new ApiException(403, "Forbidden", "Only Headend's nginx-rtmp may call this endpoint.");
        }
    }

    private static void require(MultivaluedMap<String, String> form, String... fields) {
        List<String> missing = java.util.Arrays.stream(fields)
                .filter(f -> form.getFirst(f) == null || form.getFirst(f).isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("Missing callback field(s): " + missing);
        }
    }
}
