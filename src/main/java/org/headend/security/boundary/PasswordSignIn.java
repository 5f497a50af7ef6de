package org.headend.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.security.control.Authenticator;
import org.headend.security.control.DirectoryUnavailableException;
import org.headend.security.control.NoRoleException;
import org.headend.security.control.SignIn;
import org.headend.security.control.SignInGuard;
import org.headend.security.control.Usernames;

/**
 * One sign-in attempt with a username and password, the same for the API's token endpoint and the
 * console's sign-in page: lockout first, then local users and LDAP; every attempt is audited and
 * counted. A refusal is an {@link ApiException} whose message can be shown as it is.
 */
@RequestScoped
public class PasswordSignIn {

    private static final Logger LOG = Logger.getLogger(PasswordSignIn.class.getName());

    @Inject
    Authenticator authenticator;

    @Inject
    SignInGuard guard;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    @Inject
    SignInMetrics signIns;

    @Inject
    HttpServletRequest request;

    public SignIn attempt(String username, String password) {
        String address = request.getRemoteAddr();
        // A refused attempt has no account to name: it is recorded under the spelling the lockout counts.
        String actor = printable(Usernames.key(username));
        var locked = guard.lockedFor(username, address);
        if (locked.isPresent()) {
            audit.record(actors.named(actor), "auth.sign-in.locked", "user", actor, null);
            signIns.count(SignInMetrics.LOCKED);
            long seconds = Math.max(1, locked.get().toSeconds());
            throw ApiException.tooManyRequests("Too many failed sign-ins; try again in " + seconds + " s.", seconds);
        }
        SignIn signIn;
        try {
            signIn = authenticator.signIn(username, password).orElse(null);
        } catch (DirectoryUnavailableException down) {
            LOG.warning(down.getMessage());
            throw new ApiException(
                    503, "Service unavailable", "The sign-in directory is unavailable; try again later.");
        } catch (NoRoleException noRole) {
            audit.record(actors.named(actor), "auth.sign-in.no-role", "user", actor, null);
            signIns.count(SignInMetrics.NO_ROLE);
            throw new ApiException(403, "Forbidden", noRole.getMessage());
        }
        if (signIn == null) {
            guard.failed(username, address);
            audit.record(actors.named(actor), "auth.sign-in.failed", "user", actor, null);
            signIns.count(SignInMetrics.REFUSED);
            throw new ApiException(401, "Unauthorized", "Invalid username or password.");
        }
        guard.succeeded(username);
        signIns.count(SignInMetrics.ACCEPTED);
        return signIn;
    }

    /** A username as typed may hold anything: keep it short and printable in the audit trail. */
    static String printable(String text) {
        String clean = text.replaceAll("[^\\w.@-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
