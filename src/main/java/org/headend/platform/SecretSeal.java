package org.headend.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the app must use again later (webhook signing secrets, SRT input passphrases)
 * with AES-256-GCM under a key kept in {@code headend.home/keys}, so a copy of the database alone
 * does not give them away. Secrets that are only checked (stream keys, passwords) are hashed
 * instead.
 */
@ApplicationScoped
public class SecretSeal {

    private static final String KEY_FILE = "secrets.key";
    /** The name the key had while only webhooks used it; taken over so their secrets still open. */
    private static final String EARLIER_KEY_FILE = "webhook-secrets.key";

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HeadendHome home;

    private volatile SecretKey key;

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot open a sealed secret: was " + KEY_FILE + " replaced?", e);
        }
    }

    private SecretKey key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    Path keys = home.dir("keys");
                    takeOverEarlierKey(keys);
                    key = new SecretKeySpec(loadOrCreate(keys.resolve(KEY_FILE)), "AES");
                }
            }
        }
        return key;
    }

    private static void takeOverEarlierKey(Path keys) {
        Path earlier = keys.resolve(EARLIER_KEY_FILE);
        if (Files.exists(earlier) && !Files.exists(keys.resolve(KEY_FILE))) {
            try {
                Files.move(earlier, keys.resolve(KEY_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot rename " + earlier, e);
            }
        }
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path temp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
                trySetOwnerOnly(temp);
                Files.writeString(temp, Base64.getEncoder().encodeToString(fresh));
                Files.move(temp, file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it.
        }
    }
}
