package org.headend.worker.control;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The host key a worker was registered with, and the only one its link accepts: as JSch's host
 * key repository it answers OK for exactly that key and CHANGED for any other, and remembers the
 * other so the refusal can name both fingerprints. It never learns a key, so a worker that
 * presents another one stays refused until an admin registers the new key.
 */
public final class PinnedHostKey implements HostKeyRepository {

    private static final Set<String> TYPES = Set.of(
            "ssh-ed25519", "ssh-ed448", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private final String type;
    private final byte[] blob;
    private volatile byte[] presented;

    private PinnedHostKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    /**
     * Reads a host key as {@code ssh-keyscan} prints it ({@code host type base64}) or as its
     * {@code type base64} part, with an optional comment after it.
     *
     * @throws IllegalArgumentException with a plain message saying what is wrong
     */
    public static PinnedHostKey parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException(
                    "the host key is missing: give the line ssh-keyscan prints for the host");
        }
        if (line.strip().contains("\n")) {
            throw new IllegalArgumentException("give one host key line, not several");
        }
        String[] words = line.strip().split("\\s+");
        int at = words.length > 0 && TYPES.contains(words[0]) ? 0 : 1;
        if (words[0].startsWith("@")) {
            throw new IllegalArgumentException("give the host's own key, not a " + words[0] + " line");
        }
        if (words.length <= at + 1 || !TYPES.contains(words[at])) {
            throw new IllegalArgumentException(
                    "the host key must read 'host type base64' or 'type base64', with type one of "
                            + String.join(", ", TYPES.stream().sorted().toList()));
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(words[at + 1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the host key's base64 part is not valid base64");
        }
        if (!words[at].equals(typeInside(blob))) {
            throw new IllegalArgumentException("the host key's base64 part is no " + words[at] + " key");
        }
        return new PinnedHostKey(words[at], blob);
    }

    /** What is wrong with a host key line, in plain words, or empty when it can be pinned. */
    public static Optional<String> validate(String line) {
        try {
            parse(line);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public String type() {
        return type;
    }

    /** As OpenSSH shows it: {@code SHA256:} and the unpadded base64 of the key's SHA-256. */
    public String fingerprint() {
        return fingerprint(blob);
    }

    /** The key line to register, without the host: {@code type base64}. */
    public String line() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** The host key algorithms to offer the server, so it presents a key of the pinned type. */
    String algorithms() {
        return type.equals("ssh-rsa") ? "rsa-sha2-512,rsa-sha2-256,ssh-rsa" : type;
    }

    /** Why the last handshake was refused, if it presented another key. */
    Optional<String> refusal() {
        byte[] other = presented;
        if (other == null) {
            return Optional.empty();
        }
        return Optional.of("the host presented another key (" + describe(other) + ") than the one registered (" + type
                + " " + fingerprint() + ")");
    }

    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private static String describe(byte[] key) {
        String keyType = typeInside(key);
        return (keyType == null ? "unknown type" : keyType) + " " + fingerprint(key);
    }

    /** The key type an SSH public key blob starts with (a length-prefixed string), or null. */
    static String typeInside(byte[] key) {
        if (key.length < 4) {
            return null;
        }
        int length = ByteBuffer.wrap(key).getInt();
        if (length <= 0 || length > 64 || length > key.length - 4) {
            return null;
        }
        return new String(key, 4, length, StandardCharsets.US_ASCII);
    }

    @Override
    public int check(String host, byte[] key) {
        if (Arrays.equals(blob, key)) {
            presented = null;
            return OK;
        }
        presented = key.clone();
        return CHANGED;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Pinned: a key is registered by an admin, never learned from a handshake.
    }

    @Override
    public void remove(String host, String keyType) {
        // Pinned: nothing to forget.
    }

    @Override
    public void remove(String host, String keyType, byte[] key) {
        // Pinned: nothing to forget.
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return "headend-pinned-host-key";
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[] {hostKey("*")};
    }

    @Override
    public HostKey[] getHostKey(String host, String keyType) {
        if (keyType != null && !keyType.equals(type)) {
            return new HostKey[0];
        }
        return new HostKey[] {hostKey(host)};
    }

    private HostKey hostKey(String host) {
        try {
            return new HostKey(host, HostKey.GUESS, blob.clone());
        } catch (JSchException e) {
            throw new IllegalStateException("JSch does not take a " + type + " key", e);
        }
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
