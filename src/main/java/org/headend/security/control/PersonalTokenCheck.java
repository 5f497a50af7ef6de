package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.headend.security.entity.ApiToken;
import org.headend.security.entity.Role;
import org.headend.security.entity.User;

/**
 * Decides whether a personal API token may call the API, and as whom. A local owner's account is
 * looked at on every use: disabling or deleting the user stops their tokens at once, and a demoted
 * user's tokens drop to the new role. Directory and OIDC owners keep the role the token was made
 * with until it expires or is revoked, since Headend cannot ask their provider on every call.
 */
@ApplicationScoped
public class PersonalTokenCheck {

    @Inject
    ApiTokenStore store;

    @Inject
    UserStore users;

    public Tokens.Caller verify(String secret) {
        if (!PersonalTokens.isWellFormed(secret)) {
            throw new Tokens.InvalidTokenException("The API token is malformed.");
        }
        ApiToken token = store.bySecret(secret)
                .orElseThrow(() -> new Tokens.InvalidTokenException("The API token is not known."));
        if (token.revoked()) {
            throw new Tokens.InvalidTokenException("The API token has been revoked.");
        }
        Instant now = Instant.now();
        if (token.expiredAt(now)) {
            throw new Tokens.InvalidTokenException("The API token has expired.");
        }
        Role role = token.role();
        if (token.localOwner()) {
            User owner = users.find(token.owner())
                    .filter(User::enabled)
                    .orElseThrow(() ->
                            new Tokens.InvalidTokenException("The API token's owner is disabled or no longer exists."));
            role = role.cappedAt(owner.role());
        }
        if (token.usedAt(now)) {
            store.markUsed(token.id(), now);
        }
        return new Tokens.Caller(token.owner(), role);
    }
}
