package org.headend.transcode.control;

import static org.headend.transcode.control.FfmpegCommandTest.HD_60FPS;
import static org.headend.transcode.control.FfmpegCommandTest.HLS;
import static org.headend.transcode.control.FfmpegCommandTest.INPUT_URL;
import static org.headend.transcode.control.FfmpegCommandTest.OUT;
import static org.headend.transcode.control.FfmpegCommandTest.THUMBNAIL;
import static org.headend.transcode.control.FfmpegCommandTest.after;
import static org.headend.transcode.control.FfmpegCommandTest.valuesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;
import org.junit.jupiter.api.Test;

/**
 * The command for each hardware encoder, on its argument list only: there is no GPU where these
 * tests run. {@code FfmpegHardwareOptionsTest} checks the option names against ffmpeg's own help.
 */
class FfmpegHardwareCommandTest {

    static final String RENDER_NODE = "/dev/dri/renderD128";
    static final HostEncoders EVERYTHING = new HostEncoders(HostEncodersTest.DEBIAN_FFMPEG, List.of(RENDER_NODE), true);
    static final HostEncoders INTEL = new HostEncoders(HostEncodersTest.DEBIAN_FFMPEG, List.of(RENDER_NODE), false);
    static final HostEncoders NVIDIA = new HostEncoders(HostEncodersTest.DEBIAN_FFMPEG, List.of(), true);

    static Ladder ladder(String... encoders) {
        List<Rendition> all = List.of(
                new Rendition("720p", 1280, 720, 3000, 128, 30, "high", "veryfast", encoders[0]),
                new Rendition("480p", 854, 480, 1400, 128, 30, "main", "slow", encoders[1]),
                new Rendition("360p", 640, 360, 800, 96, 60, "baseline", "ultrafast", encoders[2]));
        return new Ladder("hw", false, all);
    }

    static List<String> build(Ladder ladder, HostEncoders host) {
        return FfmpegCommand.build(
                "/usr/bin/ffmpeg",
                INPUT_URL,
                RenditionPlan.of(ladder, HD_60FPS),
                HD_60FPS,
                HLS,
                OUT.toString(),
                THUMBNAIL,
                host);
    }

    static String branch(List<String> cut, int index) {
        String graph = after(cut, "-filter_complex");
        int start = graph.indexOf(";[s" + index + "]") + 1;
        int end = graph.indexOf(';', start);
        return graph.substring(start, end < 0 ? graph.length() : end);
    }

    @Test
    void nvencUploadsEachBranchAndScalesOnTheGpu() {
        var cut = build(ladder("nvenc", "nvenc", "nvenc"), NVIDIA);

        assertEquals(List.of("h264_nvenc", "h264_nvenc", "h264_nvenc"), encoders(cut));
        assertEquals(
                "[s0]fps=30,format=nv12,hwupload_cuda,"
                        + "scale_cuda=w=1280:h=720:force_original_aspect_ratio=decrease:force_divisible_by=2[v0]",
                branch(cut, 0));
        assertFalse(cut.contains("-hwaccel"), "decoded on the CPU, once, for every branch: " + cut);
        assertFalse(cut.contains("-init_hw_device"), "hwupload_cuda opens its own device: " + cut);
    }

    @Test
    void nvencKeepsTheKeyframeGridAsIdrsAndNothingElse() {
        var cut = build(ladder("nvenc", "nvenc", "nvenc"), NVIDIA);

        assertEquals("expr:gte(t,if(eq(n_forced,0),0,1+(n_forced-1)*4))", after(cut, "-force_key_frames"));
        assertEquals("1", after(cut, "-forced-idr:v:0"), "a forced keyframe must be an IDR to start a segment");
        assertEquals("1", after(cut, "-no-scenecut:v:1"));
        assertEquals(Integer.toString(Integer.MAX_VALUE), after(cut, "-g:v:2"), "no keyframe of its own");
        assertEquals("vbr", after(cut, "-rc:v:0"));
        assertEquals("3000k", after(cut, "-b:v:0"));
        assertEquals("3300k", after(cut, "-maxrate:v:0"));
        assertEquals("6000k", after(cut, "-bufsize:v:0"));
        assertFalse(cut.stream().anyMatch(a -> a.startsWith("-x264-params")), cut.toString());
        assertFalse(cut.stream().anyMatch(a -> a.startsWith("-pix_fmt")), "device frames, not yuv420p: " + cut);
    }

    @Test
    void nvencPresetsFollowX264sAndBaselineHasNoBFrames() {
        var cut = build(ladder("nvenc", "nvenc", "nvenc"), NVIDIA);

        assertEquals("p3", after(cut, "-preset:v:0"), "veryfast");
        assertEquals("p5", after(cut, "-preset:v:1"), "slow");
        assertEquals("p1", after(cut, "-preset:v:2"), "ultrafast");
        assertEquals("baseline", after(cut, "-profile:v:2"));
        assertEquals(List.of("0"), valuesOf(cut, "-bf:v:2"));
        assertEquals(List.of(), valuesOf(cut, "-bf:v:0"), "high keeps the encoder's B-frames");
        List<String> presets = LadderValidator.PRESETS.stream()
                .map(EncoderArgs.NVENC_PRESETS::get)
                .toList();
        assertFalse(presets.contains(null), "every preset the validator accepts maps: " + presets);
        assertEquals("p1", EncoderArgs.NVENC_PRESETS.get("ultrafast"));
        assertEquals("p7", EncoderArgs.NVENC_PRESETS.get("veryslow"));
    }

    @Test
    void vaapiOpensTheRenderNodeUploadsAndScalesOnTheDevice() {
        var cut = build(ladder("vaapi", "vaapi", "vaapi"), INTEL);

        assertEquals("vaapi=va:" + RENDER_NODE, after(cut, "-init_hw_device"));
        assertEquals("va", after(cut, "-filter_hw_device"));
        assertTrue(cut.indexOf("-init_hw_device") < cut.indexOf("-i"), cut.toString());
        assertEquals(
                "[s1]fps=30,format=nv12,hwupload,"
                        + "scale_vaapi=w=854:h=480:force_original_aspect_ratio=decrease:force_divisible_by=2[v1]",
                branch(cut, 1));
        assertEquals("h264_vaapi", after(cut, "-c:v:1"));
        assertEquals("VBR", after(cut, "-rc_mode:v:1"));
        assertEquals("1540k", after(cut, "-maxrate:v:1"));
        assertEquals(Integer.toString(Integer.MAX_VALUE), after(cut, "-g:v:1"));
        assertEquals("constrained_baseline", after(cut, "-profile:v:2"), "VAAPI's name for baseline");
        assertEquals("0", after(cut, "-bf:v:2"));
        assertEquals("high", after(cut, "-profile:v:0"));
        assertFalse(cut.stream().anyMatch(a -> a.startsWith("-preset")), "VAAPI has no presets: " + cut);
    }

    @Test
    void qsvOpensItsOwnDeviceOnTheRenderNodeAndScalesOnIt() {
        var cut = build(ladder("qsv", "qsv", "qsv"), INTEL);

        assertEquals("qsv=qs:hw,child_device=" + RENDER_NODE, after(cut, "-init_hw_device"));
        assertEquals(1, Collections.frequency(cut, "-init_hw_device"));
        assertEquals("qs", after(cut, "-filter_hw_device"));
        assertEquals(
                "[s0]fps=30,format=nv12,hwupload=extra_hw_frames=64,"
                        + "scale_qsv=w='trunc(min(1280,720*iw/ih)/2)*2':h='trunc(min(720,1280*ih/iw)/2)*2'[v0]",
                branch(cut, 0));
        assertEquals("h264_qsv", after(cut, "-c:v:0"));
        assertEquals("1", after(cut, "-forced_idr:v:0"));
        assertEquals("0", after(cut, "-look_ahead:v:0"));
        assertEquals("0", after(cut, "-adaptive_i:v:0"), "no keyframes at scene cuts");
        assertEquals("65535", after(cut, "-g:v:0"), "QSV's longest GOP");
        assertEquals("veryfast", after(cut, "-preset:v:0"));
        assertEquals("slow", after(cut, "-preset:v:1"));
        assertEquals("veryfast", after(cut, "-preset:v:2"), "ultrafast is QSV's fastest");
        assertEquals("0", after(cut, "-bf:v:2"));
    }

    @Test
    void aMixedLadderGivesEachRenditionTheFramesItsEncoderReads() {
        var cut = build(ladder("x264", "nvenc", "qsv"), EVERYTHING);

        assertEquals(List.of("libx264", "h264_nvenc", "h264_qsv"), encoders(cut));
        assertTrue(
                branch(cut, 0)
                        .endsWith("scale=w=1280:h=720:force_original_aspect_ratio=decrease:"
                                + "force_divisible_by=2[v0]"),
                "x264 in system memory: " + branch(cut, 0));
        assertFalse(branch(cut, 0).contains("hwupload"), branch(cut, 0));
        assertEquals("yuv420p", after(cut, "-pix_fmt:v:0"));
        assertEquals(List.of(), valuesOf(cut, "-pix_fmt:v:1"));
        assertTrue(branch(cut, 1).contains("hwupload_cuda,scale_cuda"), branch(cut, 1));
        assertTrue(branch(cut, 2).contains("hwupload=extra_hw_frames=64,scale_qsv"), branch(cut, 2));
        assertEquals("keyint=infinite", after(cut, "-x264-params:v:0"));
        assertEquals(List.of(), valuesOf(cut, "-x264-params:v:1"));
    }

    @Test
    void vaapiAndQsvInOneLadderShareTheVaapiDevice() {
        var cut = build(ladder("vaapi", "qsv", "x264"), INTEL);

        assertEquals(List.of("vaapi=va:" + RENDER_NODE), valuesOf(cut, "-init_hw_device"));
        assertEquals(List.of("va"), valuesOf(cut, "-filter_hw_device"), "one device for every upload");
        assertTrue(
                branch(cut, 1).contains("hwupload=derive_device=qsv:extra_hw_frames=64,scale_qsv"),
                "QSV frames mapped from the VAAPI device: " + branch(cut, 1));
    }

    @Test
    void theThumbnailBranchStaysInSystemMemoryWhateverTheEncoders() {
        for (var host : List.of(NVIDIA, INTEL)) {
            var cut = build(ladder("auto", "auto", "auto"), host);

            String graph = after(cut, "-filter_complex");
            String thumbnail = branch(cut, 3);
            assertTrue(graph.startsWith("[0:v]split=4[s0][s1][s2][s3];"), graph);
            assertEquals(
                    "[s3]fps=1000/2000,scale=w='trunc(min(320,iw)/2)*2':h=-2:out_range=full,format=yuv420p[thumb]",
                    thumbnail);
            assertEquals("mjpeg", cut.get(cut.indexOf("[thumb]") + 2));
        }
    }

    @Test
    void autoTakesTheHostsBestEncoderForEveryRendition() {
        assertEquals(
                List.of("h264_nvenc", "h264_nvenc", "h264_nvenc"),
                encoders(build(ladder("auto", "auto", "auto"), EVERYTHING)));
        assertEquals(
                List.of("h264_qsv", "h264_qsv", "h264_qsv"), encoders(build(ladder("auto", "auto", "auto"), INTEL)));
        assertEquals(
                List.of("libx264", "libx264", "libx264"),
                encoders(build(ladder("auto", "auto", "auto"), HostEncoders.x264Only())));
        assertEquals(
                List.of("h264_vaapi", "h264_qsv", "libx264"),
                encoders(build(ladder("vaapi", "auto", "x264"), INTEL)),
                "a named encoder is kept beside auto");
    }

    @Test
    void aHostWithoutTheEncoderARenditionInsistsOnGetsNoCommand() {
        var refused = assertThrows(IllegalArgumentException.class, () -> build(ladder("auto", "nvenc", "auto"), INTEL));

        assertTrue(
                refused.getMessage().contains("480p") && refused.getMessage().contains("nvenc"), refused.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> build(
                        ladder("vaapi", "auto", "auto"),
                        new HostEncoders(Set.of("libx264", "h264_vaapi"), List.of(), false)),
                "VAAPI without a render device");
    }

    @Test
    void passthroughOpensNoDeviceWhateverTheHost() {
        var cut = build(new Ladder("passthrough", true, List.of()), EVERYTHING);

        assertFalse(cut.contains("-init_hw_device"), cut.toString());
        assertEquals("copy", after(cut, "-c"));
    }

    static List<String> encoders(List<String> cut) {
        return List.of(after(cut, "-c:v:0"), after(cut, "-c:v:1"), after(cut, "-c:v:2"));
    }
}
