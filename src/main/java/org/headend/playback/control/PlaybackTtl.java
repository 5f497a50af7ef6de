package org.headend.playback.control;

import java.time.Duration;
import org.headend.platform.ApiException;

/** A token lifetime asked for in seconds: from one second up to {@link PlaybackUrls#LONGEST}. */
public final class PlaybackTtl {

    private PlaybackTtl() {}

    public static Duration parse(String seconds) {
        long value;
        try {
            value = Long.parseLong(seconds);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > PlaybackUrls.LONGEST.toSeconds()) {
            throw ApiException.invalid(
                    "ttl",
                    "'ttl' must be a whole number of seconds from 1 to " + PlaybackUrls.LONGEST.toSeconds() + ".");
        }
        return Duration.ofSeconds(value);
    }
}
