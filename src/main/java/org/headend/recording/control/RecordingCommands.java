package org.headend.recording.control;

import java.nio.file.Path;
import java.util.List;
import org.headend.platform.process.FfmpegArgs;

/**
 * The ffmpeg and ffprobe command lines of a recording, as argument lists (never a shell): copying
 * the live stream into MPEG-TS segments, joining the segments into one MP4, and measuring it.
 */
public final class RecordingCommands {

    /** The MP4 a finished recording becomes, in the recording's folder. */
    public static final String MP4 = "recording.mp4";

    static final String LIST = "segments.txt";

    private RecordingCommands() {}

    /**
     * Pulls the stream and copies it, without re-encoding, into segments named after the run (each
     * restart of ffmpeg is a new run), so they sort in recording order.
     */
    public static List<String> segments(String ffmpeg, String inputUrl, Path dir, int run, int segmentSeconds) {
        List<String> args = FfmpegArgs.supervised(ffmpeg);
        // An input that stops sending (publisher gone, nginx dead) ends ffmpeg within 10 s.
        args.addAll(List.of(
                "-rw_timeout",
                "10000000",
                "-i",
                inputUrl,
                "-map",
                "0",
                "-c",
                "copy",
                "-f",
                "segment",
                "-segment_time",
                Integer.toString(segmentSeconds),
                "-segment_format",
                "mpegts",
                dir.resolve(segmentPrefix(run) + "%06d.ts").toString()));
        return List.copyOf(args);
    }

    static String segmentPrefix(int run) {
        return String.format("part-%04d-", run);
    }

    /** Joins the segments listed in {@link #LIST} into one MP4 whose index comes first (faststart). */
    public static List<String> concat(String ffmpeg, Path dir) {
        return List.of(
                ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-nostats",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                dir.resolve(LIST).toString(),
                "-map",
                "0",
                "-c",
                "copy",
                "-movflags",
                "+faststart",
                dir.resolve(MP4).toString());
    }

    /** Prints the file's duration in seconds, alone on a line. */
    public static List<String> duration(String ffprobe, Path file) {
        return List.of(ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString());
    }
}
