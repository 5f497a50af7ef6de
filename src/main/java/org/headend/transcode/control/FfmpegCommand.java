package org.headend.transcode.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.headend.platform.process.FfmpegArgs;
import org.headend.stream.entity.InputInfo;
import org.headend.transcode.entity.Rendition;

/**
 * Builds the argument list of the one ffmpeg process that turns a live input into a whole HLS
 * ladder: decoded once, split, scaled and encoded per rendition, cut on the same keyframe grid so
 * every segment starts independently and players can switch between renditions at any boundary.
 * A ladder that encodes also writes the stream's thumbnail from the same decoded frames; a
 * passthrough ladder decodes nothing, so its thumbnail is grabbed apart ({@link ThumbnailGrabber}).
 */
public final class FfmpegCommand {

    private static final String THUMBNAIL = "thumb";

    private FfmpegCommand() {}

    public static List<String> build(
            String ffmpeg,
            String inputUrl,
            RenditionPlan plan,
            InputInfo input,
            HlsSettings hls,
            Path outputDir,
            ThumbnailOutput thumbnail) {
        var args = FfmpegArgs.supervised(ffmpeg);
        // Progress four times a second (ffmpeg's default is two): a frozen packager is known by its
        // silence, and a finer beat lets a shorter silence count without false alarms.
        args.addAll(List.of("-stats_period", "0.25"));
        // An RTMP input that stops sending must end the process, not hang it.
        args.addAll(List.of("-rw_timeout", "10000000"));
        // The RTMP handshake is a few small requests and answers; with Nagle's algorithm each waits
        // for the other side's delayed ACK (40 ms), and the publisher waits for this handshake.
        args.addAll(List.of("-tcp_nodelay", "1"));
        // ffmpeg would read 40 frames (1.3 s at 30 fps) to guess the frame rate before it encodes
        // anything. The frame rate is in the H.264 timing info, or else in the FLV metadata nginx
        // passes on, so it starts on the first keyframe. (Not -fflags nobuffer: it would drop the
        // packets read while probing, the first keyframe among them.)
        args.addAll(List.of("-fpsprobesize", "0", "-i", inputUrl));
        List<String> variants = new ArrayList<>();
        if (plan.passthrough()) {
            args.addAll(List.of("-map", "0:v:0"));
            if (input.hasAudio()) {
                args.addAll(List.of("-map", "0:a:0"));
            }
            args.addAll(List.of("-c", "copy"));
            variants.add(variant(0, input.hasAudio(), "source"));
        } else {
            List<Rendition> renditions = plan.encoded();
            args.addAll(List.of("-filter_complex", filterGraph(renditions, input, thumbnail)));
            for (int i = 0; i < renditions.size(); i++) {
                args.addAll(List.of("-map", "[v" + i + "]"));
            }
            if (input.hasAudio()) {
                renditions.forEach(r -> args.addAll(List.of("-map", "0:a:0")));
            }
            args.addAll(List.of(
                    "-c:v",
                    "libx264",
                    "-pix_fmt",
                    "yuv420p",
                    "-sc_threshold",
                    "0",
                    "-force_key_frames",
                    hls.keyframes(),
                    // Keyframes only where forced: an extra one (x264 adds one every 250 frames by
                    // default) would be cut as a segment of its own after a short first segment.
                    "-x264-params",
                    "keyint=infinite"));
            for (int i = 0; i < renditions.size(); i++) {
                Rendition r = renditions.get(i);
                args.addAll(List.of(
                        "-preset:v:" + i, r.preset(),
                        "-profile:v:" + i, r.profile(),
                        "-b:v:" + i, r.videoKbps() + "k",
                        "-maxrate:v:" + i, (r.videoKbps() * 11 / 10) + "k",
                        "-bufsize:v:" + i, (r.videoKbps() * 2) + "k"));
                if (input.hasAudio()) {
                    args.addAll(List.of("-b:a:" + i, r.audioKbps() + "k"));
                }
                variants.add(variant(i, input.hasAudio(), r.name()));
            }
            if (input.hasAudio()) {
                args.addAll(List.of("-c:a", "aac", "-ac", "2", "-ar", "48000"));
            }
        }
        args.addAll(List.of(
                "-f",
                "hls",
                "-hls_time",
                Integer.toString(hls.segmentSeconds()),
                "-hls_list_size",
                Integer.toString(hls.listSize())));
        if (!plan.passthrough() && hls.shortFirstSegment()) {
            // Not for copied video: it is cut only at the publisher's keyframes, and with a GOP
            // shorter than a segment the muxer would cut the whole first playlist short.
            args.addAll(List.of("-hls_init_time", Integer.toString(HlsSettings.FIRST_SEGMENT_SECONDS)));
        }
        args.addAll(List.of(
                "-hls_flags",
                "program_date_time+independent_segments+delete_segments+temp_file",
                // Sequence numbers from the clock keep rising across transcoder restarts, so players
                // never see the playlist go backwards.
                "-hls_start_number_source",
                "epoch",
                "-master_pl_name",
                "master.m3u8",
                "-var_stream_map",
                String.join(" ", variants),
                "-hls_segment_filename",
                outputDir.resolve("%v").resolve("seg_%d.ts").toString(),
                outputDir.resolve("%v").resolve("index.m3u8").toString()));
        if (!plan.passthrough()) {
            args.addAll(List.of("-map", "[" + THUMBNAIL + "]"));
            args.addAll(ThumbnailCommand.output(thumbnail));
        }
        return List.copyOf(args);
    }

    private static String variant(int index, boolean audio, String name) {
        return "v:" + index + (audio ? ",a:" + index : "") + ",name:" + name;
    }

    /** The decoded source split once per rendition, plus once for the thumbnail. */
    static String filterGraph(List<Rendition> renditions, InputInfo input, ThumbnailOutput thumbnail) {
        var graph = new StringBuilder("[0:v]split=").append(renditions.size() + 1);
        for (int i = 0; i <= renditions.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            Rendition r = renditions.get(i);
            graph.append(";[s").append(i).append(']');
            if (input.frameRate() > r.maxFps()) {
                graph.append("fps=").append(r.maxFps()).append(',');
            }
            graph.append(String.format(
                    Locale.ROOT,
                    "scale=w=%d:h=%d:force_original_aspect_ratio=decrease:force_divisible_by=2[v%d]",
                    r.width(),
                    r.height(),
                    i));
        }
        graph.append(";[s")
                .append(renditions.size())
                .append(']')
                .append(ThumbnailCommand.filter(thumbnail))
                .append('[')
                .append(THUMBNAIL)
                .append(']');
        return graph.toString();
    }
}
