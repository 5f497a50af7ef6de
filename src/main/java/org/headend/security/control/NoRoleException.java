package org.headend.security.control;

/** The credentials are right, but none of the user's groups maps to a role: signed in to nothing. */
public class NoRoleException extends RuntimeException {

    public NoRoleException(String username) {
        super("'" + username + "' is known, but none of its groups is mapped to a Headend role "
                + "(headend.auth.role-map); ask an administrator for access.");
    }
}
