package org.headend.transcode.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg pieces that make a thumbnail: a filter that thins the decoded video to one frame per
 * interval before scaling it (so the extra work is a few frames a minute), and a JPEG output that
 * replaces one file atomically, so a reader never gets half a picture. Also the one-shot grab for
 * ladders that copy the source and so have no decoded frames to spare.
 */
public final class ThumbnailCommand {

    private ThumbnailCommand() {}

    /**
     * Never upscales, keeps the aspect with even sides; full range so browsers, which read every
     * JPEG as full range, show the true contrast, and without ffmpeg's deprecated yuvj formats.
     */
    static String scale(int width) {
        return String.format(Locale.ROOT, "scale=w='trunc(min(%d,iw)/2)*2':h=-2:out_range=full,format=yuv420p", width);
    }

    /** Thins to one frame per interval, then scales: for the transcoder's filter graph. */
    static String filter(ThumbnailOutput thumbnail) {
        return "fps=1000/" + Math.max(1, thumbnail.interval().toMillis()) + "," + scale(thumbnail.width());
    }

    /** The output options and file, after the video has been mapped. */
    static List<String> output(ThumbnailOutput thumbnail) {
        return List.of(
                "-c:v",
                "mjpeg",
                // Lets mjpeg take full-range yuv420p as it is, instead of converting to yuvj420p.
                "-strict",
                "unofficial",
                "-q:v",
                "5",
                "-f",
                "image2",
                "-update",
                "1",
                "-atomic_writing",
                "1",
                // The file of the last run is still there after a restart; without -y ffmpeg exits.
                "-y",
                thumbnail.file().toString());
    }

    /** One frame from a live RTMP play URL into the thumbnail file, then exit. */
    public static List<String> grab(String ffmpeg, String inputUrl, ThumbnailOutput thumbnail) {
        var args = new ArrayList<>(List.of(
                ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-rw_timeout",
                "5000000",
                "-i",
                inputUrl,
                "-an",
                "-frames:v",
                "1",
                "-vf",
                scale(thumbnail.width())));
        args.addAll(output(thumbnail));
        return List.copyOf(args);
    }
}
