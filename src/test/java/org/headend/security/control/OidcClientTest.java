package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class OidcClientTest {

    @Test
    void clientSecretBasicFormEncodesBothParts() {
        String header = OidcClient.basic("headend:console", "s3cr3t/+= x");

        assertTrue(header.startsWith("Basic "), header);
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        assertEquals("headend%3Aconsole:s3cr3t%2F%2B%3D%20x", pair);
    }

    @Test
    void formParametersAreEncodedInOrder() {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("scope", "openid profile");
        parameters.put("redirect_uri", "http://127.0.0.1:8080/auth/oidc/callback");

        assertEquals(
                "scope=openid%20profile&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fauth%2Foidc%2Fcallback",
                OidcClient.form(parameters));
    }

    @Test
    void aProvidersErrorCodeIsShortAndPlain() {
        assertEquals("access_denied", OidcClient.printable("access_denied"));
        assertEquals("scriptalert1script", OidcClient.printable("<script>alert(1)</script>"));
        assertEquals("no error code", OidcClient.printable("<>"));
        assertEquals(64, OidcClient.printable("x".repeat(500)).length());
    }

    @Test
    void anAttemptMatchesOnlyItsOwnStateAndPrintsNoSecret() {
        var attempt = OidcAttempt.begin("http://h/auth/oidc/callback", "/streams");

        assertTrue(attempt.matches(attempt.state()));
        assertFalse(attempt.matches(attempt.state() + "x"));
        assertFalse(attempt.matches(null));
        assertFalse(attempt.toString().contains(attempt.verifier()));
        assertFalse(attempt.toString().contains(attempt.state()));
    }
}
