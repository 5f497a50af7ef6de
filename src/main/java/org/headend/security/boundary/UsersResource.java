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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.headend.platform.JsonBody;
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
    @Operation(summary = "List local users")
    public List<UserJson> list() {
        return users.all().stream().map(UserJson::of).toList();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "Get one local user")
    public UserJson get(@PathParam("username") String username) {
        return UserJson.of(operations.existing(username));
    }

    @POST
    @Operation(summary = "Create a local user")
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
    @Operation(summary = "Change a user's password, role or enabled flag")
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
    @Operation(summary = "Delete a local user")
    public Response delete(@PathParam("username") String username) {
        operations.delete(username);
        return Response.noContent().build();
    }
}
