package org.headend.transcode.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HLS muxer's part of a packager's command, for either place it writes to: a local folder (the
 * node's own packagers) or a base URL on the node, {@code http://<node>:<port>/put/<stream>}, whose
 * nginx takes PUT and DELETE (a packager on a worker host). Over HTTP ffmpeg PUTs each segment and
 * playlist and DELETEs the segments that leave the playlist ({@code delete_segments}: hlsenc sends
 * DELETE whenever a {@code -method} is set or the URL is http).
 */
final class HlsOutput {

    private HlsOutput() {}

    static boolean remote(String output) {
        return output.startsWith("http://") || output.startsWith("https://");
    }

    static List<String> args(String output, HlsSettings hls, boolean passthrough, List<String> variants) {
        List<String> args = new ArrayList<>(List.of(
                "-f",
                "hls",
                "-hls_time",
                Integer.toString(hls.segmentSeconds()),
                "-hls_list_size",
                Integer.toString(hls.listSize())));
        if (!passthrough && hls.shortFirstSegment()) {
            // Not for copied video: it is cut only at the publisher's keyframes, and with a GOP
            // shorter than a segment the muxer would cut the whole first playlist short.
            args.addAll(List.of("-hls_init_time", Integer.toString(HlsSettings.FIRST_SEGMENT_SECONDS)));
        }
        String flags = "program_date_time+independent_segments+delete_segments";
        if (remote(output)) {
            // One connection for all the PUTs, not one per segment and playlist.
            args.addAll(List.of("-method", "PUT", "-http_persistent", "1"));
        } else {
            // Written aside and renamed, so nginx never serves half a file; a rename means nothing over HTTP.
            flags += "+temp_file";
        }
        args.addAll(List.of(
                "-hls_flags",
                flags,
                // Sequence numbers from the clock keep rising across transcoder restarts, so players
                // never see the playlist go backwards.
                "-hls_start_number_source",
                "epoch",
                "-master_pl_name",
                "master.m3u8",
                "-var_stream_map",
                String.join(" ", variants),
                "-hls_segment_filename",
                file(output, "seg_%d.ts"),
                file(output, "index.m3u8")));
        return args;
    }

    /** A variant's file: below the folder, or below the URL with '/' whatever the local separator. */
    private static String file(String output, String name) {
        if (remote(output)) {
            String base = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
            return base + "/%v/" + name;
        }
        return Path.of(output).resolve("%v").resolve(name).toString();
    }
}
