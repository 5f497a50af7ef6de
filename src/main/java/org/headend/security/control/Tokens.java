package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.security.entity.Role;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * Issues and verifies the app's own API tokens: RS256-signed JWTs in the MicroProfile JWT format
 * ({@code upn}, {@code groups}), through jose4j rather than hand-written crypto. A bearer may also
 * be a personal API token ({@code hpat_...}), which {@link PersonalTokenCheck} verifies.
 */
@ApplicationScoped
public class Tokens {

    public static final String ISSUER = "headend";
    private static final String BEARER = "Bearer ";

    @Inject
    SigningKeys keys;

    @Inject
    PersonalTokenCheck personalTokens;

    @Inject
    @ConfigProperty(name = "headend.jwt.lifetime", defaultValue = "PT1H")
    Duration lifetime;

    public record Issued(String token, long expiresIn) {}

    public record Caller(String username, Role role) {}

    public Issued issue(String username, Role role) {
        var claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(username);
        claims.setClaim("upn", username);
        claims.setStringListClaim("groups", List.of(role.id()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new Issued(jws.getCompactSerialization(), lifetime.toSeconds());
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The caller an {@code Authorization} header speaks for; an {@link InvalidTokenException} says why not. */
    public Caller fromAuthorizationHeader(String header) {
        if (header == null) {
            throw new InvalidTokenException("A bearer token is required: POST /api/v1/auth/token first.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidTokenException("The Authorization header must be 'Bearer <token>'.");
        }
        String bearer = header.substring(BEARER.length()).trim();
        return PersonalTokens.claims(bearer) ? personalTokens.verify(bearer) : verify(bearer);
    }

    /** The caller a token speaks for; an {@link InvalidTokenException} says why it is refused. */
    public Caller verify(String token) {
        var consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(ISSUER)
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(
                        org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.getStringListClaimValue("groups");
            Role role = groups.stream()
                    .map(Tokens::roleOrNull)
                    .filter(r -> r != null)
                    .findFirst()
                    .orElseThrow(() -> new InvalidTokenException("The token carries no known role."));
            return new Caller(claims.getSubject(), role);
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired() ? "The token has expired." : "The token is not valid.");
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("The token's claims are malformed.");
        }
    }

    private static Role roleOrNull(String group) {
        try {
            return Role.of(group);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
