package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaPlaylistTest {

    // As ffmpeg 5.1 writes it with -hls_flags program_date_time+delete_segments.
    static final String FFMPEG_LIVE =
            """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:41
            #EXT-X-PROGRAM-DATE-TIME:2026-11-21T11:54:25.123+0000
            #EXTINF:2.000000,
            index41.ts
            #EXT-X-PROGRAM-DATE-TIME:2026-11-21T11:54:27.123+0000
            #EXTINF:2.000000,
            index42.ts
            #EXTINF:1.960000,
            index43.ts
            """;

    @Test
    void readsSequenceTargetDurationAndSegments() {
        var playlist = MediaPlaylist.parse(FFMPEG_LIVE);

        assertEquals(41, playlist.mediaSequence());
        assertEquals(2, playlist.targetDuration());
        assertEquals(3, playlist.segments().size());
        assertEquals(43L, playlist.newestSequence().orElseThrow());
        assertEquals("index42.ts", playlist.segments().get(1).uri());
        assertEquals(1.96, playlist.segments().get(2).duration(), 1e-9);
        assertFalse(playlist.ended());
        assertFalse(playlist.isMaster());
    }

    @Test
    void readsProgramDateTimeAndCarriesItToSegmentsWithoutOne() {
        var segments = MediaPlaylist.parse(FFMPEG_LIVE).segments();

        assertEquals(Instant.parse("2026-11-21T11:54:25.123Z"), segments.get(0).programDateTime());
        assertEquals(Instant.parse("2026-11-21T11:54:29.123Z"), segments.get(2).programDateTime());
    }

    @Test
    void marksDiscontinuitiesAndTheEnd() {
        var playlist = MediaPlaylist.parse(
                """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXTINF:4.0,
                a.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:4.0,
                b.ts
                #EXT-X-ENDLIST
                """);

        assertEquals(0, playlist.mediaSequence());
        assertFalse(playlist.segments().get(0).discontinuity());
        assertTrue(playlist.segments().get(1).discontinuity());
        assertNull(playlist.segments().get(0).programDateTime());
        assertTrue(playlist.ended());
    }

    @Test
    void aMasterPlaylistNamesItsFirstVariant() {
        var playlist = MediaPlaylist.parse(
                """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=1280x720
                720p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=500000,RESOLUTION=640x360
                360p/index.m3u8
                """);

        assertTrue(playlist.isMaster());
        assertEquals("720p/index.m3u8", playlist.firstVariant());
        assertEquals(2, playlist.variants().size());
        assertEquals(360, playlist.variants().get(1).height());
        assertEquals(500000, playlist.variants().get(1).bandwidth());
    }

    @Test
    void refusesWhatIsNoPlaylist() {
        assertThrows(IllegalArgumentException.class, () -> MediaPlaylist.parse("<html>502 Bad Gateway</html>"));
    }
}
