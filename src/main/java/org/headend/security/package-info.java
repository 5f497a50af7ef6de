/**
 * Who may call the API: local users with hashed passwords, the first admin, and the app's own
 * signed MicroProfile JWT bearer tokens carrying the caller's role in {@code groups}.
 */
package org.headend.security;
