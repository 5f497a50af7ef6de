package org.headend.stream.control;

import java.util.regex.Pattern;
import org.headend.platform.SecureTokens;

/**
 * Makes and hashes stream keys. A key carries 192 random bits, so a plain SHA-256 is enough to
 * keep it secret at rest, and unlike a salted slow hash it lets the publish callback find the
 * stream by the hash of the key it receives.
 */
public final class StreamKeys {

    private static final String PREFIX = "hk_";
    private static final Pattern FORMAT = Pattern.compile("hk_[A-Za-z0-9_-]{32}");

    private StreamKeys() {}

    public static String generate() {
        return PREFIX + SecureTokens.urlSafe(24);
    }

    public static boolean isWellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    public static String hash(String key) {
        return SecureTokens.sha256Hex(key);
    }
}
