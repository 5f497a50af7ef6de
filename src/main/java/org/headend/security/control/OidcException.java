package org.headend.security.control;

/**
 * An OIDC sign-in that cannot go on. The message can be shown to the person signing in: it never
 * holds a code, a token or the client secret. {@link #unavailable()} tells a provider that cannot
 * be reached (or a Headend not configured for it) from one that refused or misbehaved.
 */
public class OidcException extends RuntimeException {

    private final boolean unavailable;

    private OidcException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    public static OidcException refused(String message) {
        return new OidcException(message, null, false);
    }

    public static OidcException unavailable(String message, Throwable cause) {
        return new OidcException(message, cause, true);
    }

    public boolean unavailable() {
        return unavailable;
    }
}
