package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a username and password: against local users first, then against LDAP when it is
 * configured, whose groups are mapped to a role. Empty passwords never reach the directory, where
 * they would be an anonymous bind that succeeds.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    UserStore users;

    @Inject
    LdapDirectory ldap;

    @Inject
    RoleMap roles;

    /** The signed-in user, or empty for wrong credentials; {@link NoRoleException} when unmapped. */
    public Optional<SignIn> signIn(String username, String password) {
        if (password.isEmpty()) {
            return Optional.empty();
        }
        if (users.exists(username) || !ldap.enabled()) {
            return users.authenticate(username, password).map(u -> new SignIn(u.username(), u.role(), "local"));
        }
        return ldap.authenticate(username, password)
                .map(d -> new SignIn(
                        d.username(),
                        roles.roleFor(d.groups()).orElseThrow(() -> new NoRoleException(d.username())),
                        "ldap"));
    }
}
