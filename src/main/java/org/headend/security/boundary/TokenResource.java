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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.headend.audit.boundary.Audit;
import org.headend.platform.JsonBody;
import org.headend.security.control.SignIn;
import org.headend.security.control.Tokens;

/**
 * Exchanges a username and password (local or LDAP) for a bearer token. Every attempt is audited;
 * repeated failures lock the username and the address out for a while (429).
 */
@Path("v1/auth/token")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    PasswordSignIn passwords;

    @Inject
    Tokens tokens;

    @Inject
    Audit audit;

    @POST
    @Operation(summary = "Sign in: exchange username and password for a bearer token (JWT)")
    public JsonObject token(JsonObject body) {
        var json = JsonBody.of(body, Set.of("username", "password"));
        SignIn signIn = passwords.attempt(json.requiredString("username"), json.requiredString("password"));
        audit.recordAs(signIn.username(), "auth.token", "user", signIn.username(), "source=" + signIn.source());
        Tokens.Issued issued = tokens.issue(signIn.username(), signIn.role());
        return Json.createObjectBuilder()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .build();
    }
}
