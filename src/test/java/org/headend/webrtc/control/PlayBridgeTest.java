package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayBridgeTest {

    static final String SOURCE = "rtmp://127.0.0.1:1935/live/townhall";

    @Test
    void copiesVideoWithoutBFramesAndPutsParameterSetsInBand() {
        List<String> cut = PlayBridge.command("ffmpeg", SOURCE, new SourceTraits(false, true), 10000, 10001);

        assertEquals("copy", after(cut, "-c:v"));
        assertEquals("h264_mp4toannexb", after(cut, "-bsf:v"));
        assertFalse(cut.contains("libx264"));
        assertEquals(SOURCE, after(cut, "-i"));
    }

    @Test
    void encodesVideoWithBFramesToBaselineWithoutThem() {
        List<String> cut = PlayBridge.command("ffmpeg", SOURCE, new SourceTraits(true, true), 10000, 10001);

        assertEquals("libx264", after(cut, "-c:v"));
        assertEquals("baseline", after(cut, "-profile:v"));
        assertEquals("0", after(cut, "-bf"));
        assertEquals("h264_mp4toannexb", after(cut, "-bsf:v"));
    }

    @Test
    void sendsVideoAndOpusAudioToJanussPortsWithTheMountpointsPayloadTypes() {
        List<String> cut = PlayBridge.command("ffmpeg", SOURCE, new SourceTraits(false, true), 10000, 10001);

        assertEquals(2, Collections.frequency(cut, "rtp"));
        assertEquals(List.of("96", "111"), values(cut, "-payload_type"));
        assertTrue(cut.contains("rtp://127.0.0.1:10000?pkt_size=1200"));
        assertTrue(cut.contains("rtp://127.0.0.1:10001?pkt_size=1200"));
        assertEquals("libopus", after(cut, "-c:a"));
        assertEquals("48000", after(cut, "-ar"));
        assertEquals("2", after(cut, "-ac"));
    }

    @Test
    void sendsVideoOnlyFromASourceWithoutAudio() {
        List<String> cut = PlayBridge.command("ffmpeg", SOURCE, new SourceTraits(false, false), 10000, 10001);

        assertEquals(1, Collections.frequency(cut, "rtp"));
        assertFalse(cut.contains("-c:a"));
    }

    @Test
    void keepsItsSdpOffStdoutWhereProgressGoes() {
        List<String> cut = PlayBridge.command("ffmpeg", SOURCE, new SourceTraits(false, true), 10000, 10001);

        assertEquals("pipe:1", after(cut, "-progress"));
        assertEquals("/dev/null", after(cut, "-sdp_file"));
    }

    private static String after(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }

    private static List<String> values(List<String> args, String option) {
        return java.util.stream.IntStream.range(0, args.size() - 1)
                .filter(i -> args.get(i).equals(option))
                .mapToObj(i -> args.get(i + 1))
                .toList();
    }
}
