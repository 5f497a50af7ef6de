package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.headend.origin.control.MediaPlaylist.Segment;
import org.junit.jupiter.api.Test;

class PlaylistStitcherTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private final PlaylistStitcher cut = new PlaylistStitcher(4);

    /** An origin's live playlist of {@code count} 2 s segments ending at {@code newest}. */
    private static MediaPlaylist live(String origin, long newest, int count, Instant firstDateTime) {
        List<Segment> segments = new ArrayList<>();
        for (long seq = newest - count + 1; seq <= newest; seq++) {
            Instant at = firstDateTime == null ? null : firstDateTime.plusSeconds(2 * (seq - (newest - count + 1)));
            segments.add(new Segment(seq, 2.0, "http://" + origin + "/seg" + seq + ".ts", at, false));
        }
        return new MediaPlaylist(newest - count + 1, 2, segments, false, List.of());
    }

    private static long value(String playlist, String tag) {
        return playlist.lines()
                .filter(l -> l.startsWith(tag + ":"))
                .mapToLong(l -> Long.parseLong(l.substring(tag.length() + 1)))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void followsOneOriginAsItGrows() {
        assertTrue(cut.update("a", live("a", 12, 3, null)));
        assertFalse(cut.update("a", live("a", 12, 3, null)), "nothing new, nothing written");
        assertTrue(cut.update("a", live("a", 14, 3, null)));

        String text = cut.render();
        assertEquals(
                List.of("http://a/seg11.ts", "http://a/seg12.ts", "http://a/seg13.ts", "http://a/seg14.ts"),
                uris(text));
        assertEquals(1, value(text, "#EXT-X-MEDIA-SEQUENCE"), "five segments taken, one slid out");
        assertFalse(text.contains("#EXT-X-DISCONTINUITY\n"));
        assertEquals(2, value(text, "#EXT-X-TARGETDURATION"));
    }

    @Test
    void aSwitchKeepsTheSequenceRisingAndMarksTheSeam() {
        cut.update("a", live("a", 12, 3, null));
        long before = value(cut.render(), "#EXT-X-MEDIA-SEQUENCE");

        // The backup numbers its segments far lower: players must never see the sequence fall.
        assertTrue(cut.update("b", live("b", 5, 3, null)));
        cut.update("b", live("b", 6, 3, null));

        String text = cut.render();
        assertTrue(value(text, "#EXT-X-MEDIA-SEQUENCE") >= before);
        assertEquals(
                List.of("http://a/seg11.ts", "http://a/seg12.ts", "http://b/seg5.ts", "http://b/seg6.ts"), uris(text));
        List<String> lines = text.lines().toList();
        int seam = lines.indexOf("http://b/seg5.ts");
        assertEquals("#EXT-X-DISCONTINUITY", lines.get(seam - 2));
        assertEquals(1, text.split("#EXT-X-DISCONTINUITY\n", -1).length - 1, "one seam");
    }

    @Test
    void theDiscontinuitySequenceCountsSeamsThatSlidOut() {
        cut.update("a", live("a", 12, 3, null));
        cut.update("b", live("b", 5, 3, null));
        for (long newest = 6; newest <= 9; newest++) {
            cut.update("b", live("b", newest, 3, null));
        }

        String text = cut.render();
        assertEquals(1, value(text, "#EXT-X-DISCONTINUITY-SEQUENCE"));
        assertFalse(text.contains("#EXT-X-DISCONTINUITY\n"));
        assertEquals(4, value(text, "#EXT-X-MEDIA-SEQUENCE"), "eight segments taken, four slid out");
    }

    @Test
    void withDateTimesANewOriginContinuesWhereTheOldOneStopped() {
        cut.update("a", live("a", 12, 3, T0)); // a: 12:00:00, :02, :04 → ends 12:00:06
        cut.update("b", live("b", 103, 4, T0)); // b: 12:00:00 … :06

        assertEquals(
                List.of("http://a/seg10.ts", "http://a/seg11.ts", "http://a/seg12.ts", "http://b/seg103.ts"),
                uris(cut.render()));
    }

    @Test
    void aRestartedOriginIsASeamToo() {
        cut.update("a", live("a", 40, 3, null));
        assertTrue(cut.update("a", live("a", 1, 2, null)));

        String text = cut.render();
        assertTrue(text.contains("#EXT-X-DISCONTINUITY\n#EXTINF:2.000000,\nhttp://a/seg1.ts"));
    }
}
