package org.headend.security.control;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.headend.platform.SecureTokens;

/**
 * One OIDC sign-in under way, kept in the browser's HTTP session between the redirect to the
 * provider and its answer: the state that ties the answer to this browser (CSRF), the nonce that
 * ties the ID token to this attempt (replay), the PKCE verifier, the callback URL sent, and the
 * console page to land on afterwards.
 */
public record OidcAttempt(String state, String nonce, String verifier, String redirectUri, String next)
        implements Serializable {

    public static OidcAttempt begin(String redirectUri, String next) {
        return new OidcAttempt(SecureTokens.urlSafe(24), SecureTokens.urlSafe(24), Pkce.verifier(), redirectUri, next);
    }

    /** Whether the provider's answer carries this attempt's state; in constant time. */
    public boolean matches(String answeredState) {
        return answeredState != null
                && MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.UTF_8), answeredState.getBytes(StandardCharsets.UTF_8));
    }

    /** Leaves the secrets out, should a record ever be printed. */
    @Override
    public String toString() {
        return "OidcAttempt[next=" + next + "]";
    }
}
