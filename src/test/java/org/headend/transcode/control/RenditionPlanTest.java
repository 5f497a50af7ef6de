package org.headend.transcode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.RenditionStatus;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;
import org.junit.jupiter.api.Test;

class RenditionPlanTest {

    static final Ladder DEFAULT = new Ladder(
            "default",
            false,
            List.of(
                    new Rendition("720p", 1280, 720, 3000, 128, 30, "high", "veryfast"),
                    new Rendition("480p", 854, 480, 1400, 128, 30, "main", "veryfast"),
                    new Rendition("360p", 640, 360, 800, 96, 30, "main", "veryfast")));

    static InputInfo source(int width, int height) {
        return new InputInfo("H264", "AAC", width, height, 30, 1327, 1199, true);
    }

    @Test
    void aFullHdSourceGetsTheWholeLadder() {
        var cut = RenditionPlan.of(DEFAULT, source(1920, 1080));

        assertFalse(cut.passthrough());
        assertEquals(List.of("720p", "480p", "360p"), cut.variantNames());
        assertTrue(cut.statuses().stream().allMatch(s -> s.state().equals(RenditionStatus.ACTIVE)));
    }

    @Test
    void renditionsTallerThanTheSourceAreSkippedWithAReason() {
        var cut = RenditionPlan.of(DEFAULT, source(854, 480));

        assertEquals(List.of("480p", "360p"), cut.variantNames());
        RenditionStatus skipped = cut.statuses().get(0);
        assertEquals("720p", skipped.name());
        assertEquals(RenditionStatus.SKIPPED, skipped.state());
        assertTrue(skipped.reason().contains("854x480"), skipped.reason());
        assertEquals(RenditionStatus.ACTIVE, cut.statuses().get(1).state());
        assertNull(cut.statuses().get(1).reason());
    }

    @Test
    void aSourceSmallerThanEveryRenditionGetsTheLowestAtItsOwnEvenSize() {
        var cut = RenditionPlan.of(DEFAULT, source(321, 241));

        Rendition only = cut.encoded().get(0);
        assertEquals(1, cut.encoded().size());
        assertEquals("360p", only.name());
        assertEquals(320, only.width());
        assertEquals(240, only.height());
        assertEquals(800, only.videoKbps());
        RenditionStatus fitted = cut.statuses().get(2);
        assertEquals(RenditionStatus.ACTIVE, fitted.state());
        assertEquals(320, fitted.width());
        assertEquals(240, fitted.height());
        assertTrue(fitted.reason().contains("source size"), fitted.reason());
        assertEquals(RenditionStatus.SKIPPED, cut.statuses().get(0).state());
        assertEquals(RenditionStatus.SKIPPED, cut.statuses().get(1).state());
    }

    @Test
    void anUnknownSourceSizeKeepsTheFullLadder() {
        var cut = RenditionPlan.of(DEFAULT, InputInfo.UNKNOWN);

        assertEquals(List.of("720p", "480p", "360p"), cut.variantNames());
        assertEquals(DEFAULT.renditions().get(0).width(), cut.encoded().get(0).width());
    }

    @Test
    void passthroughGivesOneSourceStatus() {
        var cut = RenditionPlan.of(new Ladder("passthrough", true, List.of()), source(1920, 1080));

        assertTrue(cut.passthrough());
        assertTrue(cut.encoded().isEmpty());
        assertEquals(List.of("source"), cut.variantNames());
        assertEquals(
                List.of(new RenditionStatus(
                        "source", 1920, 1080, 1199, RenditionStatus.ACTIVE, "source copied without re-encoding")),
                cut.statuses());
        assertTrue(cut.statuses().get(0).copiesSource());
    }

    @Test
    void anEncodedRenditionDoesNotCopyTheSource() {
        var cut = RenditionPlan.of(DEFAULT, source(1920, 1080));

        assertTrue(cut.statuses().stream().noneMatch(RenditionStatus::copiesSource));
    }
}
