package org.headend.security.control;

import org.headend.security.entity.Role;

/** Who signed in, with which role, and where their identity came from ({@code local} or {@code ldap}). */
public record SignIn(String username, Role role, String source) {}
