package org.headend.security.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;

/**
 * What Headend needs of an OIDC provider's discovery document. The document must name the
 * configured issuer (OpenID Connect Discovery 1.0, 4.3): a document served for another issuer
 * would have Headend trust that issuer's tokens.
 */
public record OidcProvider(String issuer, URI authorizationEndpoint, URI tokenEndpoint, String jwksUri) {

    /** {@code configuredIssuer} without its trailing slash, as {@link OidcSettings#issuer()} gives it. */
    public static OidcProvider from(JsonObject metadata, String configuredIssuer) {
        String issuer = required(metadata, "issuer");
        String normalized = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (!normalized.equals(configuredIssuer)) {
            throw OidcException.unavailable(
                    "The provider's discovery document names the issuer '" + issuer + "', not '" + configuredIssuer
                            + "': check headend.oidc.issuer.",
                    null);
        }
        return new OidcProvider(
                issuer,
                uri(required(metadata, "authorization_endpoint")),
                uri(required(metadata, "token_endpoint")),
                uri(required(metadata, "jwks_uri")).toString());
    }

    private static String required(JsonObject metadata, String field) {
        JsonValue value = metadata.get(field);
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw OidcException.unavailable("The provider's discovery document has no '" + field + "'.", null);
        }
        return text.getString();
    }

    private static URI uri(String value) {
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not HTTP");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw OidcException.unavailable("The provider's discovery document has a malformed URL.", null);
        }
    }
}
