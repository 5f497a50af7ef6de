package org.headend.transcode.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** A packager's HLS folder: one sub-folder per variant, with nothing left of an earlier session. */
final class HlsFolder {

    private static final Logger LOG = Logger.getLogger(HlsFolder.class.getName());

    private HlsFolder() {}

    /** Empties the folder, then creates it with one sub-folder per variant. */
    static void prepare(Path dir, List<String> variants) throws IOException {
        delete(dir);
        for (String variant : variants) {
            Files.createDirectories(dir.resolve(variant));
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warning("Cannot clear " + dir + ": " + e);
        }
    }
}
