package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    @Test
    void enabledByANonBlankIssuerWhoseTrailingSlashIsDropped() {
        assertFalse(settings(Optional.empty()).enabled());
        assertFalse(settings(Optional.of(" ")).enabled());
        var cut = settings(Optional.of("https://id.example.com/realms/tv/"));
        assertTrue(cut.enabled());
        assertEquals("https://id.example.com/realms/tv", cut.issuer());
    }

    @Test
    void openidIsAlwaysAmongTheScopes() {
        var cut = settings(Optional.of("https://id.example.com"));
        cut.scope = "profile  groups";
        assertEquals("openid profile groups", cut.scope());
        cut.scope = "email openid";
        assertEquals("email openid", cut.scope());
    }

    @Test
    void aMissingClientSecretIsReportedByName() {
        var cut = settings(Optional.of("https://id.example.com"));
        cut.clientSecret = Optional.empty();

        var refused = assertThrows(OidcException.class, cut::clientSecret);
        assertTrue(refused.unavailable());
        assertTrue(refused.getMessage().contains("headend.oidc.client-secret"), refused.getMessage());
    }

    private static OidcSettings settings(Optional<String> issuer) {
        var settings = new OidcSettings();
        settings.issuer = issuer;
        settings.clientId = Optional.of("headend");
        settings.clientSecret = Optional.of("secret");
        settings.groupsClaim = "groups";
        settings.scope = "openid profile email";
        settings.redirectUri = Optional.empty();
        settings.displayName = "single sign-on";
        return settings;
    }
}
