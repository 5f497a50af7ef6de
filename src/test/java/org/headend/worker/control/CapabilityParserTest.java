package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CapabilityParserTest {

    static final String GPU_WORKER =
            """
            == version
            ffmpeg version 6.1.1-3ubuntu5 Copyright (c) 2000-2023 the FFmpeg developers
            == encoders
             V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)
             V..... h264_qsv             H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (Intel Quick Sync Video acceleration) (codec h264)
             V....D h264_vaapi           H.264/AVC (VAAPI) (codec h264)
            == devices
            /dev/dri/renderD129
            /dev/dri/renderD128
            == nvidia
            yes
            == cores
            16
            == load
            3.17 2.80 2.41 4/712 99812
            """;

    static final String PLAIN_WORKER =
            """
            == version
            ffmpeg version n7.0 Copyright (c) 2000-2024 the FFmpeg developers
            == encoders
             V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
            == devices
            == nvidia
            no
            == cores
            4
            == load
            0.00 0.01 0.05 1/120 345
            """;

    @Test
    void readsAWorkerWithGpusAndRenderDevices() throws Exception {
        var cut = CapabilityParser.parse(GPU_WORKER);
        assertEquals("6.1.1-3ubuntu5", cut.ffmpegVersion());
        assertEquals(Set.of("libx264", "h264_nvenc", "h264_vaapi", "h264_qsv"), cut.h264Encoders());
        assertEquals(List.of("/dev/dri/renderD128", "/dev/dri/renderD129"), cut.renderDevices());
        assertTrue(cut.nvidiaGpu());
        assertEquals(16, cut.cores());
        assertEquals(3.17, cut.load());
    }

    @Test
    void readsAWorkerWithSoftwareEncodingOnly() throws Exception {
        var cut = CapabilityParser.parse(PLAIN_WORKER);
        assertEquals("n7.0", cut.ffmpegVersion());
        assertEquals(Set.of("libx264"), cut.h264Encoders());
        assertEquals(List.of(), cut.renderDevices());
        assertFalse(cut.nvidiaGpu());
        assertEquals(4, cut.cores());
        assertEquals(0.0, cut.load());
    }

    @Test
    void otherH264EncodersAreNotTaken() throws Exception {
        String output = PLAIN_WORKER.replace(
                " V....D libx264 ", " V....D libx264rgb  libx264 RGB\n V..... h264_v4l2m2m  V4L2\n V....D libx264 ");
        assertEquals(Set.of("libx264"), CapabilityParser.parse(output).h264Encoders());
    }

    @Test
    void aWorkerWithoutFfmpegIsToldInPlainWords() {
        String output = CapabilityParser.NO_FFMPEG + "\n== version\n== encoders\n== devices\n== nvidia\nno\n"
                + "== cores\n2\n== load\n0.10 0.20 0.30 1/99 1\n";
        var e = assertThrows(WorkerLinkException.class, () -> CapabilityParser.parse(output));
        assertTrue(e.getMessage().startsWith("ffmpeg is not installed on the worker"), e.getMessage());
    }

    @Test
    void unreadableCoresOrLoadAreErrorsNotZeroes() {
        assertThrows(WorkerLinkException.class, () -> CapabilityParser.parse(PLAIN_WORKER.replace("\n4\n", "\n\n")));
        assertThrows(WorkerLinkException.class, () -> CapabilityParser.load("no such file"));
    }

    @Test
    void theScriptRunOnThisMachineShowsItsFfmpegAndCores() throws Exception {
        Process sh = new ProcessBuilder("bash", "-c", RemoteCommand.viaSh(CapabilityParser.SCRIPT)).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, sh.exitValue());
        var cut = CapabilityParser.parse(out);
        assertTrue(cut.h264Encoders().contains("libx264"), out);
        Process nproc = new ProcessBuilder("nproc").start();
        assertEquals(Integer.parseInt(new String(nproc.getInputStream().readAllBytes()).strip()), cut.cores());
        assertTrue(cut.load() >= 0);
    }

    @Test
    void theScriptSaysSoWhenFfmpegIsMissing() throws Exception {
        var builder = new ProcessBuilder("/bin/sh", "-c", CapabilityParser.SCRIPT);
        builder.environment().put("PATH", "/nonexistent");
        Process sh = builder.start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
        assertTrue(out.startsWith(CapabilityParser.NO_FFMPEG + "\n"), out);
    }
}
