package org.headend.transcode.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.headend.platform.ApiException;
import org.headend.transcode.entity.Rendition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LadderValidatorTest {

    static List<Rendition> defaultRenditions() {
        return List.of(
                new Rendition("720p", 1280, 720, 3000, 128, 30, "high", "veryfast"),
                new Rendition("480p", 854, 480, 1400, 128, 30, "main", "veryfast"),
                new Rendition("360p", 640, 360, 800, 96, 30, "main", "veryfast"));
    }

    static Rendition rendition(
            String name,
            int width,
            int height,
            int videoKbps,
            int audioKbps,
            int maxFps,
            String profile,
            String preset) {
        return new Rendition(name, width, height, videoKbps, audioKbps, maxFps, profile, preset);
    }

    /** Validates a one-rendition ladder and returns the refusal's message. */
    static String refusal(Rendition r) {
        return refusal("custom", false, List.of(r));
    }

    static String refusal(String name, boolean passthrough, List<Rendition> renditions) {
        var refused = assertThrows(ApiException.class, () -> LadderValidator.validate(name, passthrough, renditions));
        assertEquals(400, refused.status());
        return refused.getMessage();
    }

    static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' should name " + part);
        }
    }

    @Test
    void acceptsTheBuiltInLadders() {
        assertDoesNotThrow(() -> LadderValidator.validate("default", false, defaultRenditions()));
        assertDoesNotThrow(() -> LadderValidator.validate("passthrough", true, List.of()));
    }

    @Test
    void rejectsOddDimensions() {
        assertNames(refusal(rendition("a", 1279, 720, 3000, 128, 30, "high", "fast")), "renditions[0].width", "even");
        assertNames(refusal(rendition("a", 1280, 719, 3000, 128, 30, "high", "fast")), "renditions[0].height", "even");
    }

    @Test
    void rejectsOutOfRangeNumbers() {
        assertNames(refusal(rendition("a", 30, 360, 800, 96, 30, "main", "fast")), "renditions[0].width");
        assertNames(refusal(rendition("a", 640, 2162, 800, 96, 30, "main", "fast")), "renditions[0].height");
        assertNames(refusal(rendition("a", 640, 360, 63, 96, 30, "main", "fast")), "renditions[0].videoKbps");
        assertNames(refusal(rendition("a", 640, 360, 50_001, 96, 30, "main", "fast")), "renditions[0].videoKbps");
        assertNames(refusal(rendition("a", 640, 360, 800, 31, 30, "main", "fast")), "renditions[0].audioKbps");
        assertNames(refusal(rendition("a", 640, 360, 800, 513, 30, "main", "fast")), "renditions[0].audioKbps");
        assertNames(refusal(rendition("a", 640, 360, 800, 96, 0, "main", "fast")), "renditions[0].maxFps");
        assertNames(refusal(rendition("a", 640, 360, 800, 96, 121, "main", "fast")), "renditions[0].maxFps");
    }

    @Test
    void rejectsUnknownProfileAndPreset() {
        assertNames(refusal(rendition("a", 640, 360, 800, 96, 30, "high10", "fast")), "renditions[0].profile");
        assertNames(refusal(rendition("a", 640, 360, 800, 96, 30, "main", "placebo")), "renditions[0].preset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "x264", "nvenc", "vaapi", "qsv"})
    void acceptsEveryKnownEncoder(String encoder) {
        var r = new Rendition("a", 640, 360, 800, 96, 30, "main", "fast", encoder);

        assertDoesNotThrow(() -> LadderValidator.validate("custom", false, List.of(r)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264_nvenc", "libx264", "NVENC", "x265", "amf", ""})
    void rejectsAnUnknownEncoderNamingTheAcceptedOnes(String encoder) {
        var r = new Rendition("a", 640, 360, 800, 96, 30, "main", "fast", encoder);

        String refused = refusal(r);

        assertNames(refused, "renditions[0].encoder", "auto", "x264", "nvenc", "vaapi", "qsv");
        var field = assertThrows(ApiException.class, () -> LadderValidator.validate("custom", false, List.of(r)))
                .field();
        assertEquals("renditions[0].encoder", field, "shown next to the console's encoder select");
    }

    @Test
    void rejectsAMissingEncoderAsAMissingProfile() {
        assertNames(refusal(new Rendition("a", 640, 360, 800, 96, 30, "main", "fast", null)), "renditions[0].encoder");
    }

    @Test
    void errorNamesTheIndexOfTheFaultyRendition() {
        var renditions = new ArrayList<>(defaultRenditions());
        renditions.add(rendition("240p", 426, 241, 400, 64, 30, "main", "veryfast"));

        assertNames(refusal("custom", false, renditions), "renditions[3].height");
    }

    @Test
    void rejectsDuplicateRenditionNames() {
        var twice = List.of(
                rendition("hd", 1280, 720, 3000, 128, 30, "high", "fast"),
                rendition("hd", 640, 360, 800, 96, 30, "main", "fast"));

        assertNames(refusal("custom", false, twice), "renditions[1].name", "hd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a b", "a/b", "HD", "-x", "", "abcdefghijklmnopqrstuvwxyz0123456"})
    void rejectsUnsafeRenditionNames(String name) {
        assertNames(refusal(rendition(name, 640, 360, 800, 96, 30, "main", "fast")), "renditions[0].name");
    }

    @Test
    void rejectsAMissingRenditionName() {
        assertNames(refusal(rendition(null, 640, 360, 800, 96, 30, "main", "fast")), "renditions[0].name");
    }

    @Test
    void rejectsAnUnsafeLadderName() {
        assertNames(refusal("../etc", false, defaultRenditions()), "'name'");
    }

    @Test
    void needsOneToEightRenditions() {
        var nine = Collections.nCopies(9, rendition("x", 640, 360, 800, 96, 30, "main", "fast"));

        assertNames(refusal("custom", false, List.of()), "1 to 8 renditions");
        assertNames(refusal("custom", false, nine), "1 to 8 renditions");
    }

    @Test
    void acceptsEightRenditions() {
        List<Rendition> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(rendition("r" + i, 640, 360, 800, 96, 30, "main", "fast"));
        }

        assertDoesNotThrow(() -> LadderValidator.validate("custom", false, eight));
    }

    @Test
    void rejectsPassthroughWithRenditions() {
        assertNames(refusal("copy", true, defaultRenditions()), "passthrough", "renditions");
    }
}
