package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;

/**
 * How fresh, how often and how wide thumbnails are, and where they live: below the data directory
 * but outside the HLS folder nginx serves, named by stream id, so only the authenticated API and
 * console hand them out and no stream key ever appears in a path.
 */
@ApplicationScoped
public class ThumbnailSettings {

    private static final Logger LOG = Logger.getLogger(ThumbnailSettings.class.getName());

    @Inject
    HeadendHome home;

    @Inject
    @ConfigProperty(name = "headend.thumbnail.max-age", defaultValue = "PT10S")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "headend.thumbnail.interval", defaultValue = "PT2S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "headend.thumbnail.width", defaultValue = "320")
    int width;

    /** Refuses settings that could never give a fresh frame, at start rather than at the first request. */
    public void check() {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(maxAge) >= 0) {
            throw new IllegalStateException("headend.thumbnail.interval (" + interval
                    + ") must be positive and below headend.thumbnail.max-age (" + maxAge + ")");
        }
        if (width < 16 || width > 3840) {
            throw new IllegalStateException("headend.thumbnail.width must be 16 to 3840, not " + width);
        }
    }

    public Duration maxAge() {
        return maxAge;
    }

    public ThumbnailOutput output(String streamId) {
        return new ThumbnailOutput(home.dir("thumbnails").resolve(streamId + ".jpg"), interval, width);
    }

    /** Removes the stream's last frame, so a stream that went off the air never shows an old one. */
    public void forget(String streamId) {
        Path file = output(streamId).file();
        // ffmpeg's atomic writing leaves its temporary file behind when it is killed mid-write.
        for (Path leftover : new Path[] {file, file.resolveSibling(file.getFileName() + ".tmp")}) {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException e) {
                LOG.fine(() -> "Cannot delete " + leftover + ": " + e);
            }
        }
    }
}
