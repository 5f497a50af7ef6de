package org.headend.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;
import org.headend.security.control.UserStore;
import org.headend.security.entity.User;

/**
 * Local users, for admins only. The password is write-only; the last enabled admin can be
 * neither deleted, disabled nor demoted, so the installation never locks itself out.
 */
@Path("v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "users")
@RolesAllowed("admin")
public class UsersResource {

    private static final Set<String> FIELDS = Set.of("username", "password", "role", "enabled");

    @Inject
    UserStore users;

    @Inject
    UserOperations operations;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listUsers", summary = "List local users")
    @APIResponse(
            responseCode = "200",
            description = "The users",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "UserJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public List<UserJson> list() {
        return users.all().stream().map(UserJson::of).toList();
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getUser", summary = "Get one local user")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(schema = @Schema(ref = "UserJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public UserJson get(@PathParam("username") String username) {
        return UserJson.of(operations.existing(username));
    }

    @POST
    @Operation(operationId = "createUser", summary = "Create a local user")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserCreate")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(ref = "UserJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        User user = operations.create(
                json.requiredString("username"),
                json.requiredString("password"),
                json.requiredString("role"),
                json.optionalBoolean("enabled").orElse(true));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(user.username()).build())
                .entity(UserJson.of(user))
                .build();
    }

    @PUT
    @Path("{username}")
    @Operation(operationId = "updateUser", summary = "Change a user's password, role or enabled flag")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserChange")))
    @APIResponse(
            responseCode = "200",
            description = "The changed user",
            content = @Content(schema = @Schema(ref = "UserJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public UserJson update(@PathParam("username") String username, JsonObject body) {
        // The path may spell the name in any case; a body naming it must use the stored spelling.
        String current = operations.existing(username).username();
        var json = JsonBody.of(body, FIELDS);
        json.requireUnchanged("username", current, "A user cannot be renamed.");
        return UserJson.of(operations.update(
                current,
                json.optionalString("password"),
                json.optionalString("role"),
                json.optionalBoolean("enabled")));
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "deleteUser", summary = "Delete a local user")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response delete(@PathParam("username") String username) {
        operations.delete(username);
        return Response.noContent().build();
    }
}
