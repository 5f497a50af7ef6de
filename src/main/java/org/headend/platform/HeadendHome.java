package org.headend.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The data directory: database, signing keys, nginx's prefix and the HLS output live below it. */
@ApplicationScoped
public class HeadendHome {

    @Inject
    @ConfigProperty(name = "headend.home", defaultValue = "./var")
    String home;

    public Path root() {
        return Path.of(home).toAbsolutePath().normalize();
    }

    /** A folder below the data directory, created if missing. */
    public Path dir(String first, String... more) {
        Path dir = root().resolve(Path.of(first, more));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
