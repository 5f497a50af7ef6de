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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;
import org.headend.security.control.SignIn;
import org.headend.security.control.Tokens;

/**
 * Exchanges a username and password (local or LDAP) for a bearer token. Every attempt is audited;
 * repeated failures lock the username and the address out for a while (429).
 */
@Path("v1/auth/token")
@Tag(name = "auth")
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

    @Inject
    Actors actors;

    @POST
    @Operation(operationId = "issueToken", summary = "Sign in: exchange username and password for a bearer token (JWT)")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SignIn")))
    @APIResponse(
            responseCode = "200",
            description = "Signed in",
            content = @Content(schema = @Schema(ref = "AccessToken")))
    @APIResponse(responseCode = "401", ref = Problems.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "429", ref = Problems.TOO_MANY_REQUESTS)
    @APIResponse(responseCode = "503", ref = Problems.SERVICE_UNAVAILABLE)
    public JsonObject token(JsonObject body) {
        var json = JsonBody.of(body, Set.of("username", "password"));
        SignIn signIn = passwords.attempt(json.requiredString("username"), json.requiredString("password"));
        audit.record(
                actors.named(signIn.username()), "auth.token", "user", signIn.username(), "source=" + signIn.source());
        Tokens.Issued issued = tokens.issue(signIn.username(), signIn.role());
        return Json.createObjectBuilder()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .build();
    }
}
