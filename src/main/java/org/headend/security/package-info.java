/**
 * Who may call the API and use the console: local users with hashed passwords, the first admin,
 * LDAP and OIDC sign-in with groups mapped to roles, the app's own signed MicroProfile JWT bearer
 * tokens carrying the caller's role in {@code groups}, and personal API tokens kept as hashes.
 */
package org.headend.security;
