package org.headend.platform;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable strings for keys, secrets and generated passwords. */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {}

    /** {@code bytes} random bytes as URL-safe base64 without padding (4 characters per 3 bytes). */
    public static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
