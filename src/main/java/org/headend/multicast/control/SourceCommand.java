package org.headend.multicast.control;

import java.util.List;
import org.headend.platform.process.FfmpegArgs;

/**
 * The ffmpeg that feeds a multicast sender: read the stream from the local nginx-rtmp (or one
 * rendition's HLS), copy it without re-encoding, and write MPEG-TS to standard output, where the
 * Java sender paces it onto the wire. Headers are repeated so a receiver joining late can decode.
 */
public final class SourceCommand {

    private SourceCommand() {}

    public static List<String> of(String ffmpeg, String input) {
        List<String> argv = FfmpegArgs.writingToStdout(ffmpeg);
        if (input.startsWith("rtmp://")) {
            // A silent publisher ends the read after 5 s instead of blocking the sender forever.
            argv.addAll(List.of("-rw_timeout", "5000000"));
        } else {
            argv.addAll(List.of("-live_start_index", "-1"));
        }
        argv.addAll(List.of(
                "-i",
                input,
                "-map",
                "0:v?",
                "-map",
                "0:a?",
                "-c",
                "copy",
                "-f",
                "mpegts",
                "-mpegts_flags",
                "resend_headers",
                "pipe:1"));
        return argv;
    }
}
