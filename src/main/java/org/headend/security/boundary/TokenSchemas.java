package org.headend.security.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The sign-in and personal-token bodies as the OpenAPI document describes them, for client
 * generators; the resources read and write them as JSON objects.
 */
final class TokenSchemas {

    private TokenSchemas() {}

    @Schema(name = "SignIn", description = "A local or directory user's credentials")
    record SignIn(
            @Schema(required = true) String username, @Schema(required = true, writeOnly = true) String password) {}

    @Schema(name = "AccessToken", description = "A bearer token: an RS256 MicroProfile JWT (upn, groups)")
    record AccessToken(
            @Schema(name = "access_token", required = true) String accessToken,
            @Schema(name = "token_type", required = true, enumeration = "Bearer") String tokenType,
            @Schema(name = "expires_in", required = true, description = "Seconds until it expires") int expiresIn) {}

    @Schema(name = "ApiTokenCreate", description = "A new personal API token; it carries the caller's role")
    record ApiTokenCreate(
            @Schema(required = true, description = "1-64 characters on one line", minLength = 1, maxLength = 64)
                    String name,
            @Schema(description = "Left out: the token does not expire", minimum = "1", maximum = "3650")
                    Integer expiresInDays) {}

    @Schema(name = "ApiTokenCreated", description = "A new personal API token with its secret, shown this once")
    record ApiTokenCreated(
            String id,
            String name,
            String owner,
            @Schema(enumeration = {"admin", "operator", "viewer"}) String role,
            Instant createdAt,
            @Schema(nullable = true, description = "null: never") Instant expiresAt,
            @Schema(nullable = true) Instant lastUsedAt,
            boolean expired,
            @Schema(description = "The secret: hpat_ and 32 characters") String token) {}
}
