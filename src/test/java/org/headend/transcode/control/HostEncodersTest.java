package org.headend.transcode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.headend.transcode.entity.VideoEncoder;
import org.junit.jupiter.api.Test;

class HostEncodersTest {

    /** What Debian's ffmpeg lists on any machine, GPU or not. */
    static final Set<String> DEBIAN_FFMPEG = Set.of("libx264", "h264_nvenc", "h264_vaapi", "h264_qsv", "h264_v4l2m2m");

    static final String RENDER_NODE = "/dev/dri/renderD128";

    @Test
    void x264OnlyIsTheNodeAsItEncodesToday() {
        var cut = HostEncoders.x264Only();

        assertEquals(Optional.of(VideoEncoder.X264), cut.resolve(VideoEncoder.AUTO));
        assertTrue(cut.supports(VideoEncoder.X264));
        for (VideoEncoder gpu : List.of(VideoEncoder.NVENC, VideoEncoder.VAAPI, VideoEncoder.QSV)) {
            assertFalse(cut.supports(gpu), gpu.toString());
            assertEquals(Optional.empty(), cut.resolve(gpu));
        }
    }

    @Test
    void anEncoderListedByFfmpegIsNotEnoughWithoutItsDevice() {
        var noGpu = new HostEncoders(DEBIAN_FFMPEG, List.of(), false);

        assertFalse(noGpu.supports(VideoEncoder.NVENC), "needs an NVIDIA GPU");
        assertFalse(noGpu.supports(VideoEncoder.VAAPI), "needs a render device");
        assertFalse(noGpu.supports(VideoEncoder.QSV), "needs a render device");
        assertEquals(Optional.of(VideoEncoder.X264), noGpu.resolve(VideoEncoder.AUTO));
    }

    @Test
    void aDeviceIsNotEnoughWithoutTheEncoder() {
        var gpuButNoNvenc = new HostEncoders(Set.of("libx264"), List.of(RENDER_NODE), true);

        assertFalse(gpuButNoNvenc.supports(VideoEncoder.NVENC));
        assertFalse(gpuButNoNvenc.supports(VideoEncoder.VAAPI));
        assertEquals(Optional.of(VideoEncoder.X264), gpuButNoNvenc.resolve(VideoEncoder.AUTO));
    }

    @Test
    void autoTakesNvencThenQsvThenVaapiThenX264() {
        assertEquals(
                Optional.of(VideoEncoder.NVENC),
                new HostEncoders(DEBIAN_FFMPEG, List.of(RENDER_NODE), true).resolve(VideoEncoder.AUTO));
        assertEquals(
                Optional.of(VideoEncoder.QSV),
                new HostEncoders(DEBIAN_FFMPEG, List.of(RENDER_NODE), false).resolve(VideoEncoder.AUTO));
        assertEquals(
                Optional.of(VideoEncoder.VAAPI),
                new HostEncoders(Set.of("libx264", "h264_vaapi"), List.of(RENDER_NODE), false)
                        .resolve(VideoEncoder.AUTO));
    }

    @Test
    void aNamedEncoderIsItselfOrNothingNeverAFallback() {
        var intel = new HostEncoders(DEBIAN_FFMPEG, List.of(RENDER_NODE), false);

        assertEquals(Optional.of(VideoEncoder.VAAPI), intel.resolve(VideoEncoder.VAAPI));
        assertEquals(Optional.of(VideoEncoder.X264), intel.resolve(VideoEncoder.X264), "x264 even with a GPU there");
        assertEquals(Optional.empty(), intel.resolve(VideoEncoder.NVENC));
    }

    @Test
    void aHostWithoutAnyH264EncoderSupportsNothingNotEvenAuto() {
        var none = new HostEncoders(Set.of(), List.of(), false);

        assertFalse(none.supports(VideoEncoder.AUTO));
        assertEquals(Optional.empty(), none.resolve(VideoEncoder.AUTO));
    }

    @Test
    void theRenderDeviceIsTheFirstOneFound() {
        var twoCards = new HostEncoders(DEBIAN_FFMPEG, List.of(RENDER_NODE, "/dev/dri/renderD129"), false);

        assertEquals(RENDER_NODE, twoCards.renderDevice());
        assertThrows(IllegalStateException.class, () -> HostEncoders.x264Only().renderDevice());
    }
}
