package org.headend.playback.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;
import org.headend.platform.SecureTokens;

/**
 * The secret that playback tokens are signed with, shared with nginx through its rendered
 * configuration. {@code headend.playback.secret} wins (several nodes behind one CDN must share
 * it); otherwise one is generated per install under {@code headend.home/keys} and kept, so that
 * tokens handed out survive a restart.
 */
@ApplicationScoped
public class PlaybackSecret {

    /** URL-safe characters only: the secret is written inside a quoted nginx string. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private static final String FILE = "playback.secret";

    @Inject
    HeadendHome home;

    @Inject
    @ConfigProperty(name = "headend.playback.secret")
    Optional<String> configured;

    private String secret;

    @PostConstruct
    void load() {
        secret = configured.filter(s -> !s.isBlank()).orElseGet(this::loadOrCreate);
        if (!SAFE.matcher(secret).matches()) {
            throw new IllegalStateException(
                    "headend.playback.secret must be 16 to 128 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    public String value() {
        return secret;
    }

    private String loadOrCreate() {
        Path file = home.dir("keys").resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(temp, SecureTokens.urlSafe(32));
                Files.move(temp, file);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
