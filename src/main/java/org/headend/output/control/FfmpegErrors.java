package org.headend.output.control;

import java.util.List;
import java.util.Locale;

/** ffmpeg's last words turned into a sentence an operator can act on, credentials masked. */
final class FfmpegErrors {

    private FfmpegErrors() {}

    /** From the log lines of the run that ended (Headend's own notes are not ffmpeg's words). */
    static String explain(int exitCode, List<String> log) {
        List<String> own = log.stream().filter(l -> !l.startsWith("Headend:")).toList();
        String last = own.isEmpty() ? "" : OutputUrl.mask(own.get(own.size() - 1));
        String all = String.join("\n", own).toLowerCase(Locale.ROOT);
        String plain;
        if (all.contains("connection refused")) {
            plain = "The destination refused the connection: is it running and listening on that port?";
        } else if (all.contains("timed out") || all.contains("timeout")) {
            plain = "The destination did not answer in time.";
        } else if (all.contains("failed to resolve") || all.contains("name or service not known")) {
            plain = "The destination's host name cannot be resolved.";
        } else if (all.contains("no route to host") || all.contains("network is unreachable")) {
            plain = "There is no network route to the destination.";
        } else if (all.contains("404 not found")) {
            // Only the rendition input is read over HTTP: its playlist is not written (yet, or at
            // all when the source is smaller than the rendition).
            plain =
                    "The rendition's playlist is not there: is the transcoder running, and is the rendition not skipped?";
        } else if (all.contains("401") || all.contains("403") || all.contains("unauthorized")) {
            plain = "The destination refused the stream: check the stream key or credentials.";
        } else if (all.contains("broken pipe") || all.contains("connection reset")) {
            plain = "The destination closed the connection.";
        } else if (all.contains("input/output error")) {
            plain = "The connection to the destination failed.";
        } else {
            plain = "ffmpeg stopped.";
        }
        return plain + " (exit code " + exitCode + (last.isBlank() ? "" : "; ffmpeg: " + last) + ")";
    }
}
