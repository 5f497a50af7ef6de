package org.headend.playback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.headend.platform.HeadendHome;

/**
 * Tells nginx which streams play without a token, with no reload and no call into the app: one
 * empty file per public stream under {@code headend.home/playback/public}, which nginx tests with
 * {@code -f} on the unsigned path. A stream without its file answers 403 there.
 */
@ApplicationScoped
public class PublicStreams {

    @Inject
    HeadendHome home;

    public Path folder() {
        return home.dir("playback", "public");
    }

    public void mark(String name, boolean open) {
        Path marker = folder().resolve(name);
        try {
            if (open) {
                if (!Files.exists(marker)) {
                    Files.createFile(marker);
                }
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark " + name + " as " + (open ? "public" : "protected"), e);
        }
    }

    /** Makes the markers match the catalogue, after a restore or a change made while the app was down. */
    public void matchOnly(Set<String> publicNames) {
        try (var existing = Files.list(folder())) {
            Set<String> marked = existing.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            marked.stream().filter(n -> !publicNames.contains(n)).forEach(n -> mark(n, false));
            publicNames.stream().filter(n -> !marked.contains(n)).forEach(n -> mark(n, true));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder(), e);
        }
    }
}
