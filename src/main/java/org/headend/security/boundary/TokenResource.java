package org.headend.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.headend.platform.ApiException;
import org.headend.platform.JsonBody;
import org.headend.security.control.Tokens;
import org.headend.security.control.UserStore;

/** Exchanges a username and password for a bearer token. */
@Path("v1/auth/token")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());

    @Inject
    UserStore users;

    @Inject
    Tokens tokens;

    @POST
    @Operation(summary = "Sign in: exchange username and password for a bearer token (JWT)")
    public JsonObject token(JsonObject body) {
        var json = JsonBody.of(body, Set.of("username", "password"));
        String username = json.requiredString("username");
        String password = json.requiredString("password");
        var user = users.authenticate(username, password).orElseThrow(() -> {
            LOG.info(() -> "Refused sign-in for user '" + printable(username) + "'");
            return new ApiException(401, "Unauthorized", "Invalid username or password.");
        });
        Tokens.Issued issued = tokens.issue(user.username(), user.role());
        return Json.createObjectBuilder()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .build();
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^\\w.@-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
