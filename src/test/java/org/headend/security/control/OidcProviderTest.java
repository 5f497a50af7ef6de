package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OidcProviderTest {

    private static final String ISSUER = "https://id.example.com/realms/tv";

    @Test
    void theEndpointsAreReadFromTheDiscoveryDocument() {
        var provider = OidcProvider.from(metadata(ISSUER).build(), ISSUER);

        assertEquals(ISSUER, provider.issuer());
        assertEquals(URI.create(ISSUER + "/auth"), provider.authorizationEndpoint());
        assertEquals(URI.create(ISSUER + "/token"), provider.tokenEndpoint());
        assertEquals(ISSUER + "/certs", provider.jwksUri());
    }

    @Test
    void anIssuerWithATrailingSlashIsTheConfiguredOneAndKeptAsTheProviderWritesIt() {
        var provider = OidcProvider.from(metadata(ISSUER + "/").build(), ISSUER);

        assertEquals(ISSUER + "/", provider.issuer());
    }

    @Test
    void aDocumentForAnotherIssuerIsRefused() {
        var refused = assertThrows(
                OidcException.class,
                () -> OidcProvider.from(metadata("https://evil.example").build(), ISSUER));

        assertTrue(refused.getMessage().contains("headend.oidc.issuer"), refused.getMessage());
    }

    @Test
    void missingOrMalformedEndpointsAreRefused() {
        assertThrows(
                OidcException.class,
                () -> OidcProvider.from(
                        metadata(ISSUER).remove("token_endpoint").build(), ISSUER));
        assertThrows(
                OidcException.class,
                () -> OidcProvider.from(
                        metadata(ISSUER).add("jwks_uri", "file:///etc/passwd").build(), ISSUER));
    }

    private static JsonObjectBuilder metadata(String issuer) {
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", ISSUER + "/auth")
                .add("token_endpoint", ISSUER + "/token")
                .add("jwks_uri", ISSUER + "/certs");
    }
}
