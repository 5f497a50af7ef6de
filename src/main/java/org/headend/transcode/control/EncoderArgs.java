package org.headend.transcode.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;

/**
 * The encoder options of one output video stream ({@code :v:i}), per H.264 encoder. Every encoder
 * gets the same bitrate cap as x264 always had (target, 1.1x peak, 2x buffer: capped VBR) and makes
 * keyframes only where the shared {@code -force_key_frames} grid asks, each an IDR, so all renditions
 * are cut at the same instants whichever encoder made them: no scene-cut keyframes, a GOP longer
 * than any segment. B-frames stay off for the baseline profile, which has none.
 */
final class EncoderArgs {

    /** nvenc and vaapi take the GOP length as an int: this is as infinite as ffmpeg lets it be. */
    static final int ENDLESS_GOP = Integer.MAX_VALUE;

    /** QSV stores the GOP length in 16 bits; a larger value would wrap. */
    static final int QSV_LONGEST_GOP = 65_535;

    /** x264's presets onto NVENC's p1 (fastest) to p7 (best); p4 is NVENC's own default, as medium is x264's. */
    static final Map<String, String> NVENC_PRESETS = Map.of(
            "ultrafast", "p1",
            "superfast", "p2",
            "veryfast", "p3",
            "faster", "p3",
            "fast", "p4",
            "medium", "p4",
            "slow", "p5",
            "slower", "p6",
            "veryslow", "p7");

    /** QSV has x264's preset names from veryfast on; the two faster ones take its fastest. */
    static final Map<String, String> QSV_PRESETS = Map.of("ultrafast", "veryfast", "superfast", "veryfast");

    private EncoderArgs() {}

    static List<String> of(int index, VideoEncoder encoder, Rendition r) {
        String v = ":v:" + index;
        List<String> args = new ArrayList<>(List.of("-c" + v, encoder.ffmpegName()));
        switch (encoder) {
            case X264 -> args.addAll(List.of(
                    "-pix_fmt" + v, "yuv420p",
                    "-preset" + v, r.preset(),
                    "-profile" + v, r.profile(),
                    "-sc_threshold" + v, "0",
                    // Keyframes only where forced: an extra one (x264 adds one every 250 frames by
                    // default) would be cut as a segment of its own after a short first segment.
                    "-x264-params" + v, "keyint=infinite"));
            case NVENC -> args.addAll(List.of(
                    "-preset" + v,
                    NVENC_PRESETS.getOrDefault(r.preset(), "p4"),
                    "-profile" + v,
                    r.profile(),
                    "-rc" + v,
                    "vbr",
                    // A forced keyframe is otherwise a plain I-frame, which a segment cannot start on.
                    "-forced-idr" + v,
                    "1",
                    "-no-scenecut" + v,
                    "1",
                    "-g" + v,
                    Integer.toString(ENDLESS_GOP)));
            case VAAPI -> args.addAll(List.of(
                    // VAAPI's baseline is the constrained one; plain baseline is not offered.
                    "-profile" + v,
                    "baseline".equals(r.profile()) ? "constrained_baseline" : r.profile(),
                    "-rc_mode" + v,
                    "VBR",
                    // A forced keyframe is always an IDR in vaapi_encode (force_idr), and it has no
                    // scene-cut detection: no -idr_interval needed with a GOP this long.
                    "-g" + v,
                    Integer.toString(ENDLESS_GOP)));
            case QSV -> args.addAll(List.of(
                    "-preset" + v,
                    QSV_PRESETS.getOrDefault(r.preset(), r.preset()),
                    "-profile" + v,
                    r.profile(),
                    "-forced_idr" + v,
                    "1",
                    // Look-ahead delays output and was on by default in older ffmpeg; adaptive I
                    // would add keyframes at scene cuts.
                    "-look_ahead" + v,
                    "0",
                    "-adaptive_i" + v,
                    "0",
                    "-g" + v,
                    Integer.toString(QSV_LONGEST_GOP)));
            case AUTO -> throw new IllegalArgumentException("'auto' must be resolved on the host first");
        }
        if (encoder.hardware() && "baseline".equals(r.profile())) {
            args.addAll(List.of("-bf" + v, "0"));
        }
        args.addAll(List.of(
                "-b" + v, r.videoKbps() + "k",
                "-maxrate" + v, (r.videoKbps() * 11 / 10) + "k",
                "-bufsize" + v, (r.videoKbps() * 2) + "k"));
        return args;
    }
}
