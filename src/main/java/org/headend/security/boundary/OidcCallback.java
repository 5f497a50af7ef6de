package org.headend.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.security.control.OidcAttempt;
import org.headend.security.control.OidcClient;
import org.headend.security.control.OidcException;
import org.headend.security.control.OidcIdentity;
import org.headend.security.control.OidcSettings;
import org.headend.security.control.RoleMap;
import org.headend.security.control.SignIn;
import org.headend.security.control.UserStore;
import org.headend.security.entity.Role;

/**
 * {@code GET /auth/oidc/callback}: the provider's answer. It must carry the state of the attempt
 * this browser started; the code is exchanged and the ID token verified; the user's groups map to
 * a role through {@code headend.auth.role-map}. Signed in, the user lands on the page they wanted;
 * with no mapped group, on {@code /no-access}. Every outcome is audited and counted.
 */
@WebServlet(name = "OidcCallback", urlPatterns = OidcStart.CALLBACK)
public class OidcCallback extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(OidcCallback.class.getName());

    @Inject
    OidcSettings settings;

    @Inject
    OidcClient client;

    @Inject
    RoleMap roles;

    @Inject
    UserStore users;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    @Inject
    SignInMetrics signIns;

    @Inject
    @ConfigProperty(name = "headend.console.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!settings.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        OidcAttempt attempt = OidcStart.takeAttempt(request);
        if (attempt == null || !attempt.matches(request.getParameter("state"))) {
            refuse(
                    request,
                    response,
                    null,
                    "state",
                    400,
                    "This answer does not belong to a sign-in started in this browser, or it was used already.");
            return;
        }
        String error = request.getParameter("error");
        String code = request.getParameter("code");
        if (error != null || code == null || code.isBlank()) {
            String said = error == null ? "no code" : OidcClient.printable(error);
            refuse(
                    request,
                    response,
                    null,
                    "provider",
                    400,
                    "The sign-in provider did not sign you in (" + said + ").");
            return;
        }
        OidcIdentity identity;
        try {
            identity = client.signIn(code, attempt);
        } catch (OidcException failed) {
            int status = failed.unavailable() ? 503 : 400;
            refuse(
                    request,
                    response,
                    null,
                    failed.unavailable() ? "unavailable" : "token",
                    status,
                    failed.getMessage());
            return;
        }
        String user = identity.username();
        if (users.exists(user)) {
            // The provider's names are not Headend's: one must never take over a local account.
            refuse(
                    request,
                    response,
                    user,
                    "local-name",
                    403,
                    "The provider signs you in as '" + user + "', which is the name of a local Headend account. "
                            + "Sign in with that account's password, or ask an administrator.");
            return;
        }
        Optional<Role> role = roles.roleFor(identity.groups());
        if (role.isEmpty()) {
            SessionSignIns.end(request);
            audit.record(actors.named(user), "auth.sign-in.no-role", "user", user, "source=oidc");
            signIns.count(SignInMetrics.NO_ROLE);
            response.sendRedirect(request.getContextPath() + "/no-access");
            return;
        }
        SessionSignIns.start(request, new SignIn(user, role.get(), "oidc"), idleTimeout);
        audit.record(actors.named(user), "auth.sign-in", "user", user, "source=oidc");
        signIns.count(SignInMetrics.ACCEPTED);
        response.sendRedirect(request.getContextPath() + SignInView.safeNext(attempt.next()));
    }

    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            String user,
            String reason,
            int status,
            String message)
            throws ServletException, IOException {
        String actor = user == null ? "anonymous" : user;
        LOG.info("OIDC sign-in refused (" + reason + ")" + (user == null ? "" : " for '" + user + "'"));
        audit.record(actors.named(actor), "auth.sign-in.failed", "user", user, "source=oidc reason=" + reason);
        signIns.count(SignInMetrics.REFUSED);
        SignInProblems.show(request, response, status, message);
    }
}
