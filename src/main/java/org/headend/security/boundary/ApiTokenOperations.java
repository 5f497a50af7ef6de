package org.headend.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.security.control.ApiTokenStore;
import org.headend.security.control.Tokens;
import org.headend.security.control.UserStore;
import org.headend.security.entity.ApiToken;
import org.headend.security.entity.Role;

/**
 * What a caller may do with personal API tokens, the same for the API and the console page: list
 * and make their own, revoke their own (admins: anybody's). Every change is audited, never with
 * the secret. A refusal is an {@link ApiException} whose message can be shown as it is.
 */
@RequestScoped
@Transactional
public class ApiTokenOperations {

    static final int MAX_NAME = 64;
    static final int MAX_DAYS = 3650;

    @Inject
    ApiTokenStore store;

    @Inject
    UserStore users;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    @Inject
    HttpServletRequest request;

    public List<ApiTokenJson> mine() {
        return listOf(caller().username());
    }

    /** Somebody else's tokens: for admins, who may revoke them. */
    public List<ApiTokenJson> of(String owner) {
        Tokens.Caller caller = caller();
        if (!owner.equals(caller.username()) && caller.role() != Role.ADMIN) {
            throw new ApiException(403, "Forbidden", "Only admins may list other users' tokens.");
        }
        return listOf(owner);
    }

    public ApiTokenStore.Created create(String name, Integer expiresInDays) {
        Tokens.Caller caller = caller();
        String cleanName = validName(name);
        Instant expiresAt = expiry(expiresInDays);
        // A local owner's token ends with the account; see PersonalTokenCheck.
        boolean local = users.exists(caller.username());
        var created = store.create(caller.username(), caller.role(), local, cleanName, expiresAt);
        audit.record(
                actors.current(),
                "token.create",
                "token",
                created.token().id(),
                "name=" + cleanName + " role=" + caller.role().id() + " expires="
                        + (expiresAt == null ? "never" : expiresAt.toString()));
        return created;
    }

    public void revoke(String id) {
        Tokens.Caller caller = caller();
        ApiToken token = store.find(id)
                .filter(t -> !t.revoked())
                .filter(t -> t.owner().equals(caller.username()) || caller.role() == Role.ADMIN)
                // Somebody else's token is "not found" to a non-admin: ids of others stay unconfirmed.
                .orElseThrow(() -> ApiException.notFound("No token of yours with id '" + id + "'."));
        store.revoke(id);
        audit.record(actors.current(), "token.revoke", "token", id, "name=" + token.name() + " owner=" + token.owner());
    }

    private List<ApiTokenJson> listOf(String owner) {
        return store.activeOf(owner).stream().map(ApiTokenJson::of).toList();
    }

    static String validName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("'name' must be 1-" + MAX_NAME + " characters on one line.");
        }
        return clean;
    }

    static Instant expiry(Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.badRequest(
                    "'expiresInDays' must be 1-" + MAX_DAYS + ", or left out for a token that does not expire.");
        }
        return Instant.now().plus(Duration.ofDays(days));
    }

    /** The API's bearer caller, or the console's signed-in user. */
    private Tokens.Caller caller() {
        if (request.getAttribute(CallerAuthentication.CALLER) instanceof Tokens.Caller bearer) {
            return bearer;
        }
        return SessionSignIns.current(request)
                .map(signIn -> new Tokens.Caller(signIn.username(), signIn.role()))
                .orElseThrow(() -> new ApiException(401, "Unauthorized", "Sign in first."));
    }
}
