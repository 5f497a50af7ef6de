package org.headend.playback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewerCountTest {

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    final ViewerCount cut = new ViewerCount(Duration.ofSeconds(6));

    @Test
    void readsNginxSyslogLines() {
        var line = ViewerLine.parse("<190>Nov 21 11:56:14 headend: s1 127.0.0.1 e7uyIbG20zUmb2_Hc43wBQ curl/7.88.1")
                .orElseThrow();

        assertEquals("s1", line.stream());
        assertEquals("127.0.0.1 e7uyIbG20zUmb2_Hc43wBQ curl/7.88.1", line.viewer());
    }

    @Test
    void ignoresLinesThatAreNotPlaylistRequests() {
        assertTrue(ViewerLine.parse("<190>Nov 21 11:56:14 other: x").isEmpty());
        assertTrue(ViewerLine.parse("<190>Nov 21 11:56:14 headend: - 127.0.0.1 - curl")
                .isEmpty());
        assertTrue(ViewerLine.parse("<190>Nov 21 11:56:14 headend: s1").isEmpty());
    }

    @Test
    void aViewerReloadingThePlaylistCountsOnce() {
        cut.saw(new ViewerLine("s1", "10.0.0.1 tokenA Lavf"), T0);
        cut.saw(new ViewerLine("s1", "10.0.0.1 tokenA Lavf"), T0.plusSeconds(2));
        cut.saw(new ViewerLine("s1", "10.0.0.1 tokenB Lavf"), T0.plusSeconds(2));
        cut.saw(new ViewerLine("s2", "10.0.0.1 tokenA Lavf"), T0.plusSeconds(2));

        assertEquals(2, cut.of("s1", T0.plusSeconds(3)));
        assertEquals(1, cut.of("s2", T0.plusSeconds(3)));
        assertEquals(0, cut.of("s3", T0.plusSeconds(3)));
    }

    @Test
    void aViewerWhoStopsDropsOutAfterTheWindow() {
        cut.saw(new ViewerLine("s1", "a"), T0);
        cut.saw(new ViewerLine("s1", "b"), T0.plusSeconds(4));

        assertEquals(2, cut.of("s1", T0.plusSeconds(6)));
        assertEquals(1, cut.of("s1", T0.plusSeconds(7)));
        assertEquals(0, cut.of("s1", T0.plusSeconds(11)));
    }
}
