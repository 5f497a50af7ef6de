package org.headend.security.control;

import java.io.Serializable;
import org.headend.security.entity.Role;

/**
 * Who signed in, with which role, and where their identity came from ({@code local}, {@code ldap}
 * or {@code oidc}). Kept in the console's HTTP session, hence serializable.
 */
public record SignIn(String username, Role role, String source) implements Serializable {}
