package org.headend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What ffprobe sees in a media file: one line per stream, "codec,width,height". */
public final class Ffprobe {

    private Ffprobe() {}

    /** The streams of a network source (rtmp://, udp://?timeout=..., srt://): codec,width,height lines. */
    public static String streams(String url) throws IOException, InterruptedException {
        return probe(url);
    }

    public static String streams(Path file) throws IOException, InterruptedException {
        return probe(file.toString());
    }

    // A URL stays a string: Path would fold the '//' after the scheme.
    private static String probe(String file) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_name,width,height",
                        "-of",
                        "csv=p=0",
                        file)
                .redirectErrorStream(true)
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + out);
        }
        return out;
    }
}
