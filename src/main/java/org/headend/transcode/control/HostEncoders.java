package org.headend.transcode.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.headend.transcode.entity.VideoEncoder;

/**
 * The H.264 encoders one host can run, as detected there: the encoders its ffmpeg lists, its DRM
 * render devices (VAAPI and QSV need one) and whether an NVIDIA GPU answers (NVENC needs one; Debian's
 * ffmpeg lists {@code h264_nvenc} on any machine). Placement asks {@link #supports} of every host;
 * the command builder asks {@link #resolve} of the chosen one.
 */
public record HostEncoders(Set<String> h264Encoders, List<String> renderDevices, boolean nvidiaGpu) {

    /** Best first: what {@code auto} takes when a host has several. */
    private static final List<VideoEncoder> PREFERENCE =
            List.of(VideoEncoder.NVENC, VideoEncoder.QSV, VideoEncoder.VAAPI, VideoEncoder.X264);

    public HostEncoders {
        h264Encoders = Set.copyOf(h264Encoders);
        renderDevices = List.copyOf(renderDevices);
    }

    /** A host with libx264 and no GPU: the node as it runs its own packagers today. */
    public static HostEncoders x264Only() {
        return new HostEncoders(Set.of(VideoEncoder.X264.ffmpegName()), List.of(), false);
    }

    /** Whether a rendition asking for this encoder can run here ({@code auto}: whether any can). */
    public boolean supports(VideoEncoder requested) {
        return resolve(requested).isPresent();
    }

    /**
     * The encoder a rendition gets here: {@code auto} the best this host has (NVENC, then QSV, then
     * VAAPI, else x264); a named one itself, or nothing when this host lacks it.
     */
    public Optional<VideoEncoder> resolve(VideoEncoder requested) {
        if (requested == VideoEncoder.AUTO) {
            return PREFERENCE.stream().filter(this::has).findFirst();
        }
        return has(requested) ? Optional.of(requested) : Optional.empty();
    }

    /** The render device VAAPI and QSV open: the first one found. */
    public String renderDevice() {
        if (renderDevices.isEmpty()) {
            throw new IllegalStateException("This host has no DRM render device");
        }
        return renderDevices.get(0);
    }

    private boolean has(VideoEncoder encoder) {
        if (!h264Encoders.contains(encoder.ffmpegName())) {
            return false;
        }
        return switch (encoder) {
            case NVENC -> nvidiaGpu;
            case VAAPI, QSV -> !renderDevices.isEmpty();
            default -> true;
        };
    }
}
