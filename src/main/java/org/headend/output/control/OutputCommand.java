package org.headend.output.control;

import java.util.List;
import org.headend.platform.process.FfmpegArgs;

/**
 * The ffmpeg argument list of one output: read the stream (or one rendition's HLS) from the local
 * nginx, copy it without re-encoding, and write it to the destination in the protocol's muxer.
 * Never a shell: the URL is one argument.
 */
public final class OutputCommand {

    private OutputCommand() {}

    public static List<String> of(String ffmpeg, String input, OutputUrl destination) {
        List<String> argv = FfmpegArgs.supervisedWithFigures(ffmpeg);
        if (input.startsWith("rtmp://")) {
            // Probing stops once audio and video are both known (video comes with the next keyframe)
            // and skips frame-rate guessing: the copy starts in about 1 s instead of 3.6 s, most of
            // what a returning destination waits. A shorter probe loses the video stream.
            argv.addAll(List.of(
                    "-rw_timeout",
                    "5000000",
                    "-analyzeduration",
                    "2500000",
                    "-probesize",
                    "500000",
                    "-fpsprobesize",
                    "0"));
        } else {
            argv.addAll(List.of("-live_start_index", "-1"));
        }
        argv.addAll(List.of("-i", input, "-map", "0:v?", "-map", "0:a?", "-c", "copy"));
        switch (destination.scheme()) {
            case "rtmp", "rtmps" -> argv.addAll(List.of("-f", "flv", "-flvflags", "no_duration_filesize"));
            case "rtsp" -> argv.addAll(List.of("-f", "rtsp", "-rtsp_transport", "tcp"));
            default -> argv.addAll(List.of("-f", "mpegts", "-mpegts_flags", "resend_headers"));
        }
        argv.add(withPacketSize(destination));
        return argv;
    }

    /** UDP datagrams of 7 TS packets (1316 bytes) unless the URL says otherwise. */
    private static String withPacketSize(OutputUrl destination) {
        String url = destination.url();
        if (!destination.scheme().equals("udp") || url.contains("pkt_size=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "pkt_size=1316";
    }
}
