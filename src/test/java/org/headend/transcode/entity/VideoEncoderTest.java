package org.headend.transcode.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoEncoderTest {

    @Test
    void mapsOntoFfmpegsEncoderNames() {
        assertEquals("libx264", VideoEncoder.X264.ffmpegName());
        assertEquals("h264_nvenc", VideoEncoder.NVENC.ffmpegName());
        assertEquals("h264_vaapi", VideoEncoder.VAAPI.ffmpegName());
        assertEquals("h264_qsv", VideoEncoder.QSV.ffmpegName());
        assertThrows(IllegalStateException.class, VideoEncoder.AUTO::ffmpegName, "auto is resolved on a host first");
    }

    @Test
    void readsOnlyTheLowerCaseSpellings() {
        assertEquals(List.of("auto", "x264", "nvenc", "vaapi", "qsv"), VideoEncoder.accepted());
        for (VideoEncoder e : VideoEncoder.values()) {
            assertEquals(Optional.of(e), VideoEncoder.of(e.value()));
        }
        for (String other : new String[] {"NVENC", "libx264", "h264_nvenc", "x265", "", " auto", null}) {
            assertEquals(Optional.empty(), VideoEncoder.of(other), "'" + other + "'");
        }
    }

    @Test
    void onlyTheGpuEncodersTakeDeviceFrames() {
        assertTrue(VideoEncoder.NVENC.hardware());
        assertTrue(VideoEncoder.VAAPI.hardware());
        assertTrue(VideoEncoder.QSV.hardware());
        assertFalse(VideoEncoder.X264.hardware());
        assertFalse(VideoEncoder.AUTO.hardware());
    }

    @Test
    void aRenditionAsksForAutoUnlessToldOtherwiseAndKeepsItsEncoderWhenResized() {
        var plain = new Rendition("720p", 1280, 720, 3000, 128, 30, "high", "veryfast");
        var nvenc = new Rendition("720p", 1280, 720, 3000, 128, 30, "high", "veryfast", "nvenc");

        assertEquals("auto", plain.encoder());
        assertEquals(VideoEncoder.AUTO, plain.videoEncoder());
        assertEquals(VideoEncoder.NVENC, nvenc.resizedTo(640, 360).videoEncoder());
        assertThrows(
                IllegalStateException.class,
                () -> new Rendition("a", 640, 360, 800, 96, 30, "main", "fast", "h265").videoEncoder());
    }
}
