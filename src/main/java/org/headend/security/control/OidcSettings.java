package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OIDC sign-in, enabled when {@code headend.oidc.issuer} is set. The client id and secret are
 * required then; their absence is reported when somebody tries to sign in, not at boot, so that a
 * half-made configuration never keeps the console's password sign-in from working.
 */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "headend.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "headend.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "headend.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "headend.oidc.groups-claim", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "headend.oidc.scope", defaultValue = "openid profile email")
    String scope;

    @Inject
    @ConfigProperty(name = "headend.oidc.redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "headend.oidc.display-name", defaultValue = "single sign-on")
    String displayName;

    public boolean enabled() {
        return issuer.filter(i -> !i.isBlank()).isPresent();
    }

    /** The issuer as configured, without a trailing slash (it is the base of the discovery URL). */
    public String issuer() {
        String value = issuer.orElseThrow().trim();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    public String clientId() {
        return required(clientId, "headend.oidc.client-id");
    }

    public String clientSecret() {
        return required(clientSecret, "headend.oidc.client-secret");
    }

    public String groupsClaim() {
        return groupsClaim.trim();
    }

    /** The scopes asked for; {@code openid} is always among them. */
    public String scope() {
        String asked = scope.trim().replaceAll("\\s+", " ");
        return (" " + asked + " ").contains(" openid ") ? asked : ("openid " + asked).trim();
    }

    /** A fixed callback URL, for a Headend behind a proxy; empty: built from each request. */
    public Optional<String> redirectUri() {
        return redirectUri.map(String::trim).filter(u -> !u.isEmpty());
    }

    public String displayName() {
        return displayName;
    }

    private static String required(Optional<String> value, String key) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> OidcException.unavailable(
                        "Sign-in through OIDC is not fully configured (" + key + " is not set).", null));
    }
}
