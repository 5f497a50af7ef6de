package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * Writes the playlists players of a stream with origins get, below the stream's HLS folder where
 * nginx serves them: {@code failover/master.m3u8} and {@code failover/<variant>/index.m3u8}. Each
 * file is written beside its target and moved over it, so nginx never serves a half-written playlist.
 */
@ApplicationScoped
public class StitchedPlaylists {

    public static final String DIR = "failover";
    private static final Logger LOG = Logger.getLogger(StitchedPlaylists.class.getName());

    @Inject
    TranscoderSupervisor transcoders;

    /** Where players of a stream find its playlist, below the stream's HLS folder. */
    public static String playlist(boolean hasOrigins) {
        return hasOrigins ? DIR + "/master.m3u8" : "master.m3u8";
    }

    public Path dir(String streamName) {
        return transcoders.hlsDir(streamName).resolve(DIR);
    }

    public void write(String streamName, StitchedText text) {
        Path dir = dir(streamName);
        try {
            // Variants first: a master never names a playlist that is not there yet.
            for (var media : text.media().entrySet()) {
                Path variant = dir.resolve(media.getKey());
                Files.createDirectories(variant);
                replace(variant.resolve("index.m3u8"), media.getValue());
            }
            if (text.master() != null) {
                Files.createDirectories(dir);
                replace(dir.resolve("master.m3u8"), text.master());
            }
        } catch (IOException e) {
            LOG.warning("Cannot write the playlists of " + streamName + " into " + dir + ": " + e);
        }
    }

    /**
     * True when the playlists players poll are not on disk: the packager empties the stream's
     * folder when it starts, and players must not wait for the next segment to find them again.
     */
    public boolean missing(String streamName) {
        return !Files.exists(dir(streamName).resolve("master.m3u8"));
    }

    public void remove(String streamName) {
        Path dir = dir(streamName);
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.fine(() -> "Cannot remove " + dir + ": " + e);
        }
    }

    private static void replace(Path target, String text) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
