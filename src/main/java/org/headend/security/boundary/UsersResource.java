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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.headend.audit.boundary.Audit;
import org.headend.platform.ApiException;
import org.headend.platform.JsonBody;
import org.headend.security.control.UserStore;
import org.headend.security.entity.Role;
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

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Set<String> FIELDS = Set.of("username", "password", "role", "enabled");
    static final int MIN_PASSWORD = 10;

    @Inject
    UserStore users;

    @Inject
    Audit audit;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List local users")
    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "Get one local user")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(existing(username));
    }

    @POST
    @Operation(summary = "Create a local user")
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        String username = json.requiredString("username");
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest(
                    "'username' must be 1-64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.");
        }
        String password = password(json.requiredString("password"));
        Role role = role(json.requiredString("role"));
        boolean enabled = json.optionalBoolean("enabled").orElse(true);
        if (users.exists(username)) {
            throw ApiException.conflict("A user named '" + username + "' already exists.");
        }
        User user = users.create(username, password, role);
        if (!enabled) {
            users.update(username, Optional.empty(), Optional.empty(), Optional.of(false));
        }
        audit.record("user.create", "user", username, "role=" + role.id() + " enabled=" + enabled);
        return Response.created(uri.getAbsolutePathBuilder().path(username).build())
                .entity(UserView.of(user))
                .build();
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Change a user's password, role or enabled flag")
    public UserView update(@PathParam("username") String username, JsonObject body) {
        User user = existing(username);
        var json = JsonBody.of(body, FIELDS);
        json.requireUnchanged("username", username, "A user cannot be renamed.");
        Optional<String> password = json.optionalString("password").map(UsersResource::password);
        Optional<Role> role = json.optionalString("role").map(UsersResource::role);
        Optional<Boolean> enabled = json.optionalBoolean("enabled");
        boolean losesAdmin = user.role() == Role.ADMIN
                && user.enabled()
                && (role.filter(r -> r != Role.ADMIN).isPresent()
                        || enabled.filter(e -> !e).isPresent());
        if (losesAdmin && users.enabledAdmins() <= 1) {
            throw ApiException.conflict("'" + username + "' is the last enabled admin.");
        }
        User updated = users.update(username, password, role, enabled);
        audit.record("user.update", "user", username, changes(password, role, enabled));
        return UserView.of(updated);
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a local user")
    public Response delete(@PathParam("username") String username) {
        User user = existing(username);
        if (user.role() == Role.ADMIN && user.enabled() && users.enabledAdmins() <= 1) {
            throw ApiException.conflict("'" + username + "' is the last enabled admin.");
        }
        users.delete(username);
        audit.record("user.delete", "user", username, null);
        return Response.noContent().build();
    }

    private User existing(String username) {
        return users.find(username).orElseThrow(() -> ApiException.notFound("No user named '" + username + "'."));
    }

    private static String password(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > 256) {
            throw ApiException.badRequest("'password' must be " + MIN_PASSWORD + " to 256 characters.");
        }
        return password;
    }

    private static Role role(String role) {
        try {
            return Role.of(role);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.badRequest("'role' must be admin, operator or viewer.");
        }
    }

    private static String changes(Optional<String> password, Optional<Role> role, Optional<Boolean> enabled) {
        var detail = new StringBuilder();
        password.ifPresent(p -> detail.append("password changed "));
        role.ifPresent(r -> detail.append("role=").append(r.id()).append(' '));
        enabled.ifPresent(e -> detail.append("enabled=").append(e));
        return detail.toString().trim();
    }
}
