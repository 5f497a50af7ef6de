package org.headend.ingest.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
