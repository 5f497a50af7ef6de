package org.headend.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies an ID token as OpenID Connect Core 3.1.3.7 asks: signed by a key from the provider's
 * JWKS (fetched again when an unknown key id appears, so key rotation just works), issued by the
 * provider for this client, not expired, and carrying this attempt's nonce.
 */
final class IdTokenVerifier {

    private static final Logger LOG = Logger.getLogger(IdTokenVerifier.class.getName());

    private final JwtConsumer consumer;
    private final String clientId;

    IdTokenVerifier(OidcProvider provider, String clientId) {
        this.clientId = clientId;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(provider.issuer())
                .setExpectedAudience(clientId)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(provider.jwksUri())))
                // Asymmetric signatures only: never "none", never an HMAC keyed with a public key.
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256,
                        AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                        AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512)
                .build();
    }

    JwtClaims verify(String idToken, String expectedNonce) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException refused) {
            // Only a label: jose4j's own messages may quote the token.
            String reason = reason(refused);
            LOG.warning("OIDC ID token refused: " + reason);
            throw OidcException.refused("The provider's ID token could not be verified (" + reason + ").");
        }
        try {
            String nonce = claims.getStringClaimValue("nonce");
            if (nonce == null
                    || !MessageDigest.isEqual(
                            nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
                LOG.warning("OIDC ID token refused: nonce");
                throw OidcException.refused("The provider's ID token was not made for this sign-in (nonce).");
            }
            List<String> audience = claims.getAudience();
            if (audience.size() > 1 && !clientId.equals(claims.getStringClaimValue("azp"))) {
                LOG.warning("OIDC ID token refused: azp");
                throw OidcException.refused("The provider's ID token was made for another client (azp).");
            }
            return claims;
        } catch (MalformedClaimException e) {
            throw OidcException.refused("The provider's ID token has malformed claims.");
        }
    }

    private static String reason(InvalidJwtException refused) {
        if (refused.hasExpired()) {
            return "expired";
        }
        if (refused.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "signature";
        }
        if (refused.hasErrorCode(ErrorCodes.ISSUER_INVALID) || refused.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "issuer";
        }
        if (refused.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || refused.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "audience";
        }
        for (Throwable cause = refused.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvableKeyException) {
                return "no usable signing key";
            }
        }
        return "invalid";
    }
}
