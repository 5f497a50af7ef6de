package org.headend.security.control;

import java.util.Collection;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Who a verified ID token names, and their groups: the username is {@code preferred_username},
 * else {@code email}, else {@code sub}; the groups come from the configured claim, a list of
 * strings or a single string (providers differ), and are empty when the claim is absent.
 */
public record OidcIdentity(String username, List<String> groups) {

    static final int MAX_USERNAME = 128;

    public static OidcIdentity of(JwtClaims claims, String groupsClaim) {
        try {
            String username = firstPresent(
                    claims.getStringClaimValue("preferred_username"),
                    claims.getStringClaimValue("email"),
                    claims.getSubject());
            if (username == null) {
                throw OidcException.refused("The ID token names nobody (no preferred_username, email or sub).");
            }
            if (username.length() > MAX_USERNAME || username.chars().anyMatch(Character::isISOControl)) {
                throw OidcException.refused("The user name in the ID token is too long or not printable.");
            }
            return new OidcIdentity(username, groups(claims.getClaimValue(groupsClaim)));
        } catch (MalformedClaimException e) {
            throw OidcException.refused("The ID token's claims are malformed.");
        }
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof String single) {
            return List.of(single);
        }
        if (claim instanceof Collection<?> many) {
            return many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }
}
