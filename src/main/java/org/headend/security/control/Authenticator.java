package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a username and password: against local users first, then against LDAP when it is
 * configured, whose groups are mapped to a role. Empty passwords never reach the directory, where
 * they would be an anonymous bind that succeeds. The signed-in name is the canonical one (the
 * local account's, or the directory's), never the spelling typed, so {@code ALICE} is {@code alice}.
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
        String typed = Usernames.typed(username);
        if (users.exists(typed) || !ldap.enabled()) {
            return local(typed, password);
        }
        Optional<DirectoryUser> found = ldap.authenticate(typed, password);
        if (found.isPresent() && users.exists(found.get().username())) {
            // The directory's name for this person is a local account's: that account's password decides.
            return local(found.get().username(), password);
        }
        return found.map(d -> new SignIn(
                d.username(), roles.roleFor(d.groups()).orElseThrow(() -> new NoRoleException(d.username())), "ldap"));
    }

    private Optional<SignIn> local(String username, String password) {
        return users.authenticate(username, password).map(u -> new SignIn(u.username(), u.role(), "local"));
    }
}
