package org.headend.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.headend.platform.JsonBody;

/**
 * Personal API tokens ({@code hpat_...}): every role manages its own, so that scripts, and users
 * who sign in through OIDC and have no password here, can call the API. The secret is in the
 * answer to the POST only.
 */
@Path("v1/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed({"admin", "operator", "viewer"})
public class ApiTokensResource {

    @Inject
    ApiTokenOperations tokens;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List your personal API tokens (admins: ?owner= for another user's)")
    public JsonArray list(@QueryParam("owner") String owner) {
        List<ApiTokenJson> found = owner == null ? tokens.mine() : tokens.of(owner);
        var array = Json.createArrayBuilder();
        found.forEach(token -> array.add(token.toJson()));
        return array.build();
    }

    @POST
    @Operation(summary = "Create a personal API token; its secret is shown in this answer only")
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, Set.of("name", "expiresInDays"));
        var created = tokens.create(
                json.requiredString("name"), json.optionalInt("expiresInDays").orElse(null));
        var info = ApiTokenJson.of(created.token());
        return Response.created(uri.getAbsolutePathBuilder().path(info.id()).build())
                .entity(info.toJson().add("token", created.secret()).build())
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a personal API token: your own, or anybody's for admins")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
