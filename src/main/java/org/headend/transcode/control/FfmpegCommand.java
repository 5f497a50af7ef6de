package org.headend.transcode.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.headend.platform.process.FfmpegArgs;
import org.headend.stream.entity.InputInfo;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;

/**
 * Builds the argument list of the one ffmpeg process that turns a live input into a whole HLS
 * ladder: decoded once, split, scaled and encoded per rendition, cut on the same keyframe grid so
 * every segment starts independently and players can switch between renditions at any boundary.
 * Each rendition is encoded by the encoder its request resolves to on the host that runs the
 * process ({@link HostEncoders}); a ladder may mix them. A ladder that encodes also writes the
 * stream's thumbnail from the same decoded frames, unless it is told not to (a packager on a worker
 * host, whose thumbnails the node grabs itself); a passthrough ladder decodes nothing, so its
 * thumbnail is grabbed apart ({@link ThumbnailGrabber}).
 */
public final class FfmpegCommand {

    private static final String THUMBNAIL = "thumb";

    private FfmpegCommand() {}

    /**
     * @param output a local folder, or a base URL on the node that takes PUT ({@link HlsOutput})
     * @param thumbnail where the thumbnail goes; null for none
     * @param host the encoders of the host that runs the process
     * @throws IllegalArgumentException when the host lacks an encoder a rendition insists on:
     *     placement must not have put the ladder there
     */
    public static List<String> build(
            String ffmpeg,
            String inputUrl,
            RenditionPlan plan,
            InputInfo input,
            HlsSettings hls,
            String output,
            ThumbnailOutput thumbnail,
            HostEncoders host) {
        var args = FfmpegArgs.supervised(ffmpeg);
        // Progress four times a second (ffmpeg's default is two): a frozen packager is known by its
        // silence, and a finer beat lets a shorter silence count without false alarms.
        args.addAll(List.of("-stats_period", "0.25"));
        List<Rendition> renditions = plan.encoded();
        List<VideoEncoder> encoders =
                renditions.stream().map(r -> resolve(r, host)).toList();
        Set<VideoEncoder> used = encoders.isEmpty() ? Set.of() : EnumSet.copyOf(encoders);
        args.addAll(EncoderFilters.devices(used, host));
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
            args.addAll(List.of("-filter_complex", filterGraph(renditions, encoders, input, thumbnail)));
            for (int i = 0; i < renditions.size(); i++) {
                args.addAll(List.of("-map", "[v" + i + "]"));
            }
            if (input.hasAudio()) {
                renditions.forEach(r -> args.addAll(List.of("-map", "0:a:0")));
            }
            // One grid for every rendition, whichever encoder: the encoders make these frames IDRs.
            args.addAll(List.of("-force_key_frames", hls.keyframes()));
            for (int i = 0; i < renditions.size(); i++) {
                Rendition r = renditions.get(i);
                args.addAll(EncoderArgs.of(i, encoders.get(i), r));
                if (input.hasAudio()) {
                    args.addAll(List.of("-b:a:" + i, r.audioKbps() + "k"));
                }
                variants.add(variant(i, input.hasAudio(), r.name()));
            }
            if (input.hasAudio()) {
                args.addAll(List.of("-c:a", "aac", "-ac", "2", "-ar", "48000"));
            }
        }
        args.addAll(HlsOutput.args(output, hls, plan.passthrough(), variants));
        if (!plan.passthrough() && thumbnail != null) {
            args.addAll(List.of("-map", "[" + THUMBNAIL + "]"));
            args.addAll(ThumbnailCommand.output(thumbnail));
        }
        return List.copyOf(args);
    }

    private static VideoEncoder resolve(Rendition r, HostEncoders host) {
        return host.resolve(r.videoEncoder())
                .orElseThrow(() -> new IllegalArgumentException("Rendition " + r.name() + " asks for "
                        + r.videoEncoder().value() + ", which this host does not have"));
    }

    private static String variant(int index, boolean audio, String name) {
        return "v:" + index + (audio ? ",a:" + index : "") + ",name:" + name;
    }

    /**
     * The decoded source split once per rendition, plus once for the thumbnail when there is one;
     * each rendition's branch capped in frame rate, then scaled into the frames its encoder takes.
     * The split and the thumbnail's branch are in system memory whatever the encoders.
     */
    static String filterGraph(
            List<Rendition> renditions, List<VideoEncoder> encoders, InputInfo input, ThumbnailOutput thumbnail) {
        int branches = renditions.size() + (thumbnail == null ? 0 : 1);
        Set<VideoEncoder> used = encoders.isEmpty() ? Set.of() : EnumSet.copyOf(encoders);
        var graph = new StringBuilder("[0:v]split=").append(branches);
        for (int i = 0; i < branches; i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            Rendition r = renditions.get(i);
            graph.append(";[s").append(i).append(']');
            if (input.frameRate() > r.maxFps()) {
                graph.append("fps=").append(r.maxFps()).append(',');
            }
            graph.append(EncoderFilters.scale(encoders.get(i), r, used))
                    .append("[v")
                    .append(i)
                    .append(']');
        }
        if (thumbnail != null) {
            graph.append(";[s")
                    .append(renditions.size())
                    .append(']')
                    .append(ThumbnailCommand.filter(thumbnail))
                    .append('[')
                    .append(THUMBNAIL)
                    .append(']');
        }
        return graph.toString();
    }
}
