package org.headend.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.headend.platform.SecureTokens;

/**
 * Proof Key for Code Exchange (RFC 7636) with S256: an authorization code stolen on its way back
 * is worthless without the verifier, which never leaves the server.
 */
public final class Pkce {

    private Pkce() {}

    /** 43 URL-safe characters (256 random bits), the shortest verifier RFC 7636 allows. */
    public static String verifier() {
        return SecureTokens.urlSafe(32);
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), without padding. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
