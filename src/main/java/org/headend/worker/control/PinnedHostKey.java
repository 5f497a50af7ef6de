package org.headend.worker.control;

import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in, to be replaced by the SSH helper's class of the same name (branch h14-ssh):
 * only the shape of a pinned host key is checked here, so registration can validate it.
 */
public final class PinnedHostKey {

    private static final Pattern LINE =
            Pattern.compile("^(\\S+ )?(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+$");

    private PinnedHostKey() {}

    /** Refuses anything but one ssh-keyscan line or its {@code type base64} part, in plain words. */
    public static PinnedHostKey parse(String line) {
        if (line == null || !LINE.matcher(line.strip()).matches()) {
            throw new IllegalArgumentException(
                    "expected one ssh-keyscan line, or its 'type base64' part (ssh-ed25519, ssh-rsa or"
                            + " ecdsa-sha2-nistp256/384/521).");
        }
        return new PinnedHostKey();
    }
}
