package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantMatcherTest {

    private static final StitchLayout LADDER = new StitchLayout(List.of(
            new Variant("720p", "BANDWIDTH=3000000,RESOLUTION=1280x720"),
            new Variant("480p", "BANDWIDTH=1400000,RESOLUTION=854x480"),
            new Variant("360p", "BANDWIDTH=800000,RESOLUTION=640x360")));

    @Test
    void pairsVariantsOfTheSameHeightWhateverTheirOrder() {
        var offered = List.of(
                new Variant("low.m3u8", "BANDWIDTH=700000,RESOLUTION=640x360"),
                new Variant("high.m3u8", "BANDWIDTH=2800000,RESOLUTION=1280x720"),
                new Variant("mid.m3u8", "BANDWIDTH=1500000,RESOLUTION=852x480"));

        var matched = VariantMatcher.match(LADDER, offered);

        assertEquals("high.m3u8", matched.get("720p").uri());
        assertEquals("mid.m3u8", matched.get("480p").uri());
        assertEquals("low.m3u8", matched.get("360p").uri());
    }

    @Test
    void anOriginWithFewerVariantsServesEveryQualityFromTheNearest() {
        var offered = List.of(
                new Variant("a/1080.m3u8", "BANDWIDTH=5000000,RESOLUTION=1920x1080"),
                new Variant("a/360.m3u8", "BANDWIDTH=600000,RESOLUTION=640x360"));

        var matched = VariantMatcher.match(LADDER, offered);

        assertEquals("a/1080.m3u8", matched.get("720p").uri());
        assertEquals("a/360.m3u8", matched.get("480p").uri());
        assertEquals("a/360.m3u8", matched.get("360p").uri());
    }

    @Test
    void withoutResolutionsTheNearestBandwidthWins() {
        var offered = List.of(new Variant("x.m3u8", "BANDWIDTH=900000"), new Variant("y.m3u8", "BANDWIDTH=2900000"));

        var matched = VariantMatcher.match(LADDER, offered);

        assertEquals("y.m3u8", matched.get("720p").uri());
        assertEquals("x.m3u8", matched.get("360p").uri());
    }

    @Test
    void aLadderKnownOnlyByNameIsMatchedByRank() {
        var byName = StitchLayout.local(List.of("hi", "lo"), null);
        var offered = List.of(
                new Variant("1.m3u8", "BANDWIDTH=2000000,RESOLUTION=1280x720"),
                new Variant("2.m3u8", "BANDWIDTH=500000,RESOLUTION=640x360"),
                new Variant("3.m3u8", "BANDWIDTH=200000,RESOLUTION=320x180"));

        var matched = VariantMatcher.match(byName, offered);

        assertEquals("1.m3u8", matched.get("hi").uri());
        assertEquals("2.m3u8", matched.get("lo").uri());
    }

    @Test
    void nothingOfferedMatchesNothing() {
        assertTrue(VariantMatcher.match(LADDER, List.of()).isEmpty());
    }
}
