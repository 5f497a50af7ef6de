package org.headend.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.headend.audit.boundary.Audit;
import org.headend.platform.ApiException;
import org.headend.platform.JsonBody;
import org.headend.platform.Problem;
import org.headend.security.control.Authenticator;
import org.headend.security.control.DirectoryUnavailableException;
import org.headend.security.control.NoRoleException;
import org.headend.security.control.SignIn;
import org.headend.security.control.SignInGuard;
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

    private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());

    @Inject
    Authenticator authenticator;

    @Inject
    SignInGuard guard;

    @Inject
    Tokens tokens;

    @Inject
    Audit audit;

    @Inject
    SignInMetrics signIns;

    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Sign in: exchange username and password for a bearer token (JWT)")
    public Response token(JsonObject body) {
        var json = JsonBody.of(body, Set.of("username", "password"));
        String username = json.requiredString("username");
        String password = json.requiredString("password");
        String address = request.getRemoteAddr();
        var locked = guard.lockedFor(username, address);
        if (locked.isPresent()) {
            audit.recordAs(printable(username), "auth.sign-in.locked", "user", printable(username), null);
            signIns.count(SignInMetrics.LOCKED);
            long seconds = Math.max(1, locked.get().toSeconds());
            return Response.fromResponse(new Problem(
                                    429,
                                    "Too many requests",
                                    "Too many failed sign-ins; try again in " + seconds + " s.",
                                    request.getRequestURI())
                            .toResponse())
                    .header("Retry-After", seconds)
                    .build();
        }
        SignIn signIn;
        try {
            signIn = authenticator.signIn(username, password).orElse(null);
        } catch (DirectoryUnavailableException down) {
            LOG.warning(down.getMessage());
            throw new ApiException(
                    503, "Service unavailable", "The sign-in directory is unavailable; try again later.");
        } catch (NoRoleException noRole) {
            audit.recordAs(printable(username), "auth.sign-in.no-role", "user", printable(username), null);
            signIns.count(SignInMetrics.NO_ROLE);
            throw new ApiException(403, "Forbidden", noRole.getMessage());
        }
        if (signIn == null) {
            guard.failed(username, address);
            audit.recordAs(printable(username), "auth.sign-in.failed", "user", printable(username), null);
            signIns.count(SignInMetrics.REFUSED);
            throw new ApiException(401, "Unauthorized", "Invalid username or password.");
        }
        guard.succeeded(username);
        signIns.count(SignInMetrics.ACCEPTED);
        audit.recordAs(signIn.username(), "auth.token", "user", signIn.username(), "source=" + signIn.source());
        Tokens.Issued issued = tokens.issue(signIn.username(), signIn.role());
        return Response.ok(Json.createObjectBuilder()
                        .add("access_token", issued.token())
                        .add("token_type", "Bearer")
                        .add("expires_in", issued.expiresIn())
                        .build())
                .build();
    }

    /** A username as typed may hold anything: keep it short and printable in the audit trail. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\w.@-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
