package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real player for playback tests: ffmpeg reading a playback URL to nowhere, as a viewer would.
 * It ends with an error when the stream stalls past its timeouts or a playlist disappears, so a
 * live process after a failover means the viewer kept watching. Its log is kept below
 * target/it-logs.
 */
public final class HlsPlayer {

    private HlsPlayer() {}

    public static Process reading(String playbackUrl, String label) {
        Path log = Path.of("target", "it-logs", label + "-player-" + System.nanoTime() + ".log");
        log.getParent().toFile().mkdirs();
        try {
            return new ProcessBuilder(
                            "ffmpeg",
                            "-hide_banner",
                            "-nostdin",
                            "-loglevel",
                            "warning",
                            "-i",
                            playbackUrl,
                            "-f",
                            "null",
                            "-")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
