package org.headend.transcode.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;

/**
 * How each rendition's branch of the filter graph ends: scaled, and in the memory its encoder reads.
 * The source is decoded once on the CPU and split there, so x264 branches and the thumbnail stay in
 * system memory; a hardware branch uploads its own frames and scales them on the device.
 *
 * <p>NVENC: CPU decode, upload per branch ({@code hwupload_cuda}), scale on the GPU
 * ({@code scale_cuda}). Not {@code -hwaccel cuda -hwaccel_output_format cuda}: that would put the one
 * decode on the GPU for every branch, and the x264 renditions of a mixed ladder and the thumbnail
 * would each have to download it again; NVDEC also lacks some of the codecs publishers send. The
 * upload is of the frame-rate-capped source, and scaling on the GPU keeps that work off the CPU.
 *
 * <p>VAAPI and QSV share one DRM render device, opened once: VAAPI's {@code va} when a ladder has a
 * VAAPI rendition (QSV branches then derive their frames from it), else QSV's own {@code qs}.
 */
final class EncoderFilters {

    static final String VAAPI_DEVICE = "va";
    static final String QSV_DEVICE = "qs";

    /** Frames QSV keeps in flight beyond the encoder's own pool; without them its upload can run dry. */
    private static final int QSV_EXTRA_FRAMES = 64;

    private EncoderFilters() {}

    /** The global options that open the devices the filters upload to; none for x264 or NVENC alone. */
    static List<String> devices(Set<VideoEncoder> used, HostEncoders host) {
        List<String> args = new ArrayList<>();
        if (used.contains(VideoEncoder.VAAPI)) {
            args.addAll(List.of("-init_hw_device", "vaapi=" + VAAPI_DEVICE + ":" + host.renderDevice()));
            args.addAll(List.of("-filter_hw_device", VAAPI_DEVICE));
        } else if (used.contains(VideoEncoder.QSV)) {
            // A QSV device on Linux is a VAAPI one underneath; child_device picks its render node.
            args.addAll(List.of("-init_hw_device", "qsv=" + QSV_DEVICE + ":hw,child_device=" + host.renderDevice()));
            args.addAll(List.of("-filter_hw_device", QSV_DEVICE));
        }
        // NVENC needs no option here: hwupload_cuda opens its CUDA device itself.
        return args;
    }

    /** The branch's chain after the frame-rate cap, for a rendition encoded by {@code encoder}. */
    static String scale(VideoEncoder encoder, Rendition r, Set<VideoEncoder> used) {
        return switch (encoder) {
            case X264 -> fit("scale", r);
                // nv12 is what every one of these uploads and encoders takes; it also turns a 4:2:2 or
                // 10-bit source into the 8-bit 4:2:0 the H.264 profiles here need.
            case NVENC -> "format=nv12,hwupload_cuda," + fit("scale_cuda", r);
            case VAAPI -> "format=nv12,hwupload," + fit("scale_vaapi", r);
            case QSV -> "format=nv12,hwupload="
                    + (used.contains(VideoEncoder.VAAPI) ? "derive_device=qsv:" : "")
                    + "extra_hw_frames=" + QSV_EXTRA_FRAMES
                    + "," + qsvFit(r);
            case AUTO -> throw new IllegalArgumentException("'auto' must be resolved on the host first");
        };
    }

    /** Fits the source into the rendition's box, keeping its aspect, with even sides. */
    private static String fit(String scaler, Rendition r) {
        return String.format(
                Locale.ROOT,
                "%s=w=%d:h=%d:force_original_aspect_ratio=decrease:force_divisible_by=2",
                scaler,
                r.width(),
                r.height());
    }

    /**
     * The same fit for scale_qsv, which has no force_original_aspect_ratio (ffmpeg 5.1): the box's
     * width or the height's share of it, whichever is smaller, rounded down to even.
     */
    private static String qsvFit(Rendition r) {
        return String.format(
                Locale.ROOT,
                "scale_qsv=w='trunc(min(%d,%d*iw/ih)/2)*2':h='trunc(min(%d,%d*ih/iw)/2)*2'",
                r.width(),
                r.height(),
                r.height(),
                r.width());
    }
}
