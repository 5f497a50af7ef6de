package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Placeholder: LDAP sign-in, enabled when {@code headend.ldap.url} is set. */
@ApplicationScoped
public class LdapDirectory {

    public boolean enabled() {
        return false;
    }

    public Optional<DirectoryUser> authenticate(String username, String password) {
        return Optional.empty();
    }
}
