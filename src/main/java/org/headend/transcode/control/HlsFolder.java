package org.headend.transcode.control;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A packager's HLS folder on the local disk: a master playlist and one sub-folder per variant, each
 * with its media playlist, with nothing left of an earlier session.
 */
public final class HlsFolder implements PackagerTarget {

    private static final Logger LOG = Logger.getLogger(HlsFolder.class.getName());
    static final String MASTER = "master.m3u8";
    static final String MEDIA = "index.m3u8";

    private final Path dir;
    private final List<String> variants;

    public HlsFolder(Path dir, List<String> variants) {
        this.dir = dir;
        this.variants = List.copyOf(variants);
    }

    /** Where ffmpeg writes: the folder itself. */
    Path dir() {
        return dir;
    }

    @Override
    public List<String> variants() {
        return variants;
    }

    @Override
    public boolean playable() {
        if (!Files.exists(dir.resolve(MASTER))) {
            return false;
        }
        return variants.stream().allMatch(v -> {
            try {
                Path playlist = media(v);
                return Files.exists(playlist) && Files.readString(playlist).contains("#EXTINF");
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Override
    public String master() throws IOException {
        return Files.readString(dir.resolve(MASTER));
    }

    @Override
    public String mediaPlaylist(String variant) throws IOException {
        return Files.readString(media(variant));
    }

    @Override
    public URI mediaPlaylistUri(String variant) {
        return media(variant).toUri();
    }

    private Path media(String variant) {
        return dir.resolve(variant).resolve(MEDIA);
    }

    /** Empties the folder, then creates it with one sub-folder per variant. */
    void prepare() throws IOException {
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
