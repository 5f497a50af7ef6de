package org.headend.security.control;

import java.util.regex.Pattern;
import org.headend.platform.SecureTokens;

/**
 * Makes personal API tokens: {@code hpat_} and 32 URL-safe characters (192 random bits). The
 * prefix tells them from the app's JWTs at a glance, for people and for secret scanners alike.
 */
public final class PersonalTokens {

    public static final String PREFIX = "hpat_";
    private static final Pattern FORMAT = Pattern.compile("hpat_[A-Za-z0-9_-]{32}");

    private PersonalTokens() {}

    public static String generate() {
        return PREFIX + SecureTokens.urlSafe(24);
    }

    /** A bearer that claims to be a personal token, well formed or not (JWTs never start so). */
    public static boolean claims(String bearer) {
        return bearer.startsWith(PREFIX);
    }

    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    public static String hash(String token) {
        return SecureTokens.sha256Hex(token);
    }
}
