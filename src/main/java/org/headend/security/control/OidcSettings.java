package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** OIDC sign-in, enabled when {@code headend.oidc.issuer} is set. */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "headend.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "headend.oidc.display-name", defaultValue = "single sign-on")
    String displayName;

    public boolean enabled() {
        return issuer.filter(i -> !i.isBlank()).isPresent();
    }

    public String displayName() {
        return displayName;
    }
}
