package org.headend.playback.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Signs playback tokens exactly as nginx's {@code secure_link_md5 "$expires$stream <secret>"}
 * checks them: MD5, because that is what nginx's module computes, made unforgeable by the secret.
 * The token covers a stream's whole folder, so one serves the master and media playlists and
 * every segment, which players fetch by relative URL.
 */
public final class PlaybackSigner {

    private PlaybackSigner() {}

    public static String token(String stream, long expiresEpochSecond, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((expiresEpochSecond + stream + " " + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }
}
