package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final URI SOURCE = URI.create("http://origin/index.m3u8");

    private final Freshness cut = new Freshness(null);

    private static ProbeResult served(long mediaSequence) {
        String text = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:" + mediaSequence
                + "\n#EXTINF:2.0,\na.ts\n#EXTINF:2.0,\nb.ts\n";
        return ProbeResult.served(200, Duration.ofMillis(3), MediaPlaylist.parse(text), SOURCE);
    }

    @Test
    void anAdvancingPlaylistIsGood() {
        assertTrue(cut.judge(served(10), T0).good());
        var reading = cut.judge(served(11), T0.plusSeconds(2));

        assertTrue(reading.good());
        assertEquals(11L, reading.mediaSequence());
        assertEquals(0.0, reading.segmentAgeSeconds());
    }

    @Test
    void aPlaylistThatStopsAdvancingFailsAfterTwiceTheTargetDuration() {
        cut.judge(served(10), T0);

        assertTrue(cut.judge(served(10), T0.plusMillis(4000)).good(), "4 s is still allowed");
        var stale = cut.judge(served(10), T0.plusMillis(4100));
        assertFalse(stale.good());
        assertTrue(stale.problem().contains("4.1 s old"), stale.problem());
    }

    @Test
    void errorsAndServerFailuresAreBad() {
        assertFalse(cut.judge(ProbeResult.failed(500, Duration.ofMillis(2), "HTTP 500", "5xx"), T0)
                .good());
        assertFalse(cut.judge(ProbeResult.failed(null, Duration.ofMillis(800), "timed out", "timeout"), T0)
                .good());
    }

    @Test
    void aRestartedOriginWhoseSequenceFellCountsAsAdvancing() {
        cut.judge(served(500), T0);

        assertTrue(cut.judge(served(0), T0.plusSeconds(5)).good());
    }
}
