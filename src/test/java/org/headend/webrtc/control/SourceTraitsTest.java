package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceTraitsTest {

    @Test
    void copiesH264WithoutReordering() {
        assertEquals(new SourceTraits(false, true), traits(video("High", 0) + "," + AUDIO));
    }

    @Test
    void encodesH264WithBFrames() {
        assertEquals(new SourceTraits(true, true), traits(video("High", 2) + "," + AUDIO));
    }

    @Test
    void copiesBaselineWhateverTheReorderFieldSays() {
        assertEquals(new SourceTraits(false, false), traits(video("Constrained Baseline", 1)));
        assertEquals(new SourceTraits(false, false), traits(video("Baseline", 1)));
    }

    @Test
    void encodesAnotherCodecAndWhatItCannotTell() {
        assertEquals(
                new SourceTraits(true, true),
                traits("{\"codec_type\":\"video\",\"codec_name\":\"hevc\",\"profile\":\"Main\",\"has_b_frames\":0},"
                        + AUDIO));
        assertEquals(new SourceTraits(true, false), traits("{\"codec_type\":\"video\",\"codec_name\":\"h264\"}"));
        assertEquals(SourceTraits.UNKNOWN, traits(AUDIO));
        assertEquals(
                SourceTraits.UNKNOWN, SourceTraits.of(JanusClient.parse("{}").asJsonObject()));
    }

    private static final String AUDIO = "{\"codec_type\":\"audio\",\"codec_name\":\"aac\"}";

    private static String video(String profile, int bFrames) {
        return "{\"codec_type\":\"video\",\"codec_name\":\"h264\",\"profile\":\"" + profile + "\",\"has_b_frames\":"
                + bFrames + "}";
    }

    private static SourceTraits traits(String streams) {
        return SourceTraits.of(
                JanusClient.parse("{\"streams\":[" + streams + "]}").asJsonObject());
    }
}
