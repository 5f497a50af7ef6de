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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;

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
@Tag(name = "tokens")
@RolesAllowed({"admin", "operator", "viewer"})
public class ApiTokensResource {

    @Inject
    ApiTokenOperations tokens;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            operationId = "listApiTokens",
            summary = "List your personal API tokens (admins: ?owner= for another user's)")
    @Parameters(
            @Parameter(
                    name = "owner",
                    in = ParameterIn.QUERY,
                    description = "Another user's tokens (admins only)",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "200",
            description = "The tokens, newest first, never their secrets",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "ApiTokenJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public JsonArray list(@QueryParam("owner") String owner) {
        List<ApiTokenJson> found = owner == null ? tokens.mine() : tokens.of(owner);
        var array = Json.createArrayBuilder();
        found.forEach(token -> array.add(token.toJson()));
        return array.build();
    }

    @POST
    @Operation(
            operationId = "createApiToken",
            summary = "Create a personal API token; its secret is shown in this answer only")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiTokenCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created, with its secret",
            content = @Content(schema = @Schema(ref = "ApiTokenCreated")))
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
    @Operation(
            operationId = "revokeApiToken",
            summary = "Revoke a personal API token: your own, or anybody's for admins")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
