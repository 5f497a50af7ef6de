package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headend.origin.control.MediaPlaylist.Segment;
import org.headend.transcode.control.HlsFolder;
import org.junit.jupiter.api.Test;

class StreamOriginsTest {

    private static final Path HLS = Path.of("/var/hls/townhall");
    private static final Path STITCHED = HLS.resolve(StitchedPlaylists.DIR);
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final List<String> LADDER = List.of("720p", "360p");

    private final StreamOrigins cut = new StreamOrigins(new FailoverRules(2, 5, true), Duration.ofSeconds(4), 4);

    private static OriginSource packager(String id, Path folder) {
        return new OriginSource(id, id, 0, null, true, new HlsFolder(folder, LADDER), 42L, null);
    }

    /** What a packager in {@code folder} offers: for each variant, segments {@code first..newest} of 2 s. */
    private static VariantReading reading(Path folder, List<String> names, long first, long newest) {
        Map<String, ProbeResult> playlists = new HashMap<>();
        for (String name : names) {
            List<Segment> segments = new ArrayList<>();
            for (long seq = first; seq <= newest; seq++) {
                segments.add(new Segment(seq, 2.0, "seg_" + seq + ".ts", T0.plusSeconds(2 * seq), false));
            }
            Path playlist = folder.resolve(name).resolve("index.m3u8");
            playlists.put(
                    name,
                    ProbeResult.served(
                            null,
                            Duration.ZERO,
                            new MediaPlaylist(first, 2, segments, false, List.of()),
                            playlist.toUri()));
        }
        return new VariantReading(StitchLayout.local(names, null), true, playlists);
    }

    private static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void everyVariantIsStitchedFromItsOwnSegments() {
        var text = cut.stitch(packager("local", HLS), reading(HLS, LADDER, 1, 3), STITCHED)
                .orElseThrow();

        assertEquals("720p/index.m3u8", uris(text.master()).get(0));
        assertEquals("360p/index.m3u8", uris(text.master()).get(1));
        assertEquals(
                List.of("../../720p/seg_1.ts", "../../720p/seg_2.ts", "../../720p/seg_3.ts"),
                uris(text.media().get("720p")));
        assertEquals(
                List.of("../../360p/seg_1.ts", "../../360p/seg_2.ts", "../../360p/seg_3.ts"),
                uris(text.media().get("360p")));
    }

    @Test
    void aSwitchToTheBackupPackagerMarksTheSeamInEveryVariant() {
        Path backup = HLS.resolve("packager-backup");
        cut.stitch(packager("local", HLS), reading(HLS, LADDER, 1, 3), STITCHED);

        var text = cut.stitch(packager("local-backup", backup), reading(backup, LADDER, 2, 4), STITCHED)
                .orElseThrow();

        assertNull(text.master(), "the variants did not change, neither does the master");
        for (String variant : LADDER) {
            String media = text.media().get(variant);
            assertEquals(
                    "../../packager-backup/" + variant + "/seg_4.ts",
                    uris(media).get(3),
                    media);
            assertTrue(
                    media.contains("#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:08.000Z"), media);
        }
    }

    @Test
    void aNewLadderStartsItsPlaylistsAboveEverySequencePlayersSaw() {
        cut.stitch(packager("local", HLS), reading(HLS, LADDER, 1, 3), STITCHED);

        var text = cut.stitch(packager("local", HLS), reading(HLS, List.of("1080p"), 10, 11), STITCHED)
                .orElseThrow();

        assertEquals(List.of("1080p/index.m3u8"), uris(text.master()));
        assertTrue(
                text.media().get("1080p").contains("#EXT-X-MEDIA-SEQUENCE:4\n"),
                text.media().get("1080p"));
    }

    @Test
    void theOriginInUseIsLookedAtAsItsNewestSegmentTurnsStaleAndSoonAfterABadProbe() {
        var edge = OriginSource.external("e1", "edge", 0, java.net.URI.create("http://edge/index.m3u8"));
        var probe = reading(HLS, List.of("v0"), 1, 3).playlists().get("v0");
        Duration fast = Duration.ofMillis(250);
        cut.record(edge, probe, T0);
        cut.decide(List.of(edge));

        assertEquals(T0.plusMillis(4_020), cut.checkAt(fast, T0).orElseThrow(), "2 x the target duration, and a hair");
        assertTrue(!cut.checkDue(T0.plusMillis(4_000)));
        assertTrue(cut.checkDue(T0.plusMillis(4_020)));

        cut.record(edge, probe, T0.plusMillis(4_020));
        assertEquals(
                T0.plusMillis(4_270), cut.checkAt(fast, T0.plusMillis(4_020)).orElseThrow(), "confirm the bad probe");
        assertTrue(cut.checkDue(T0.plusMillis(4_020)));

        cut.record(edge, probe, T0.plusMillis(4_270));
        assertTrue(cut.checkAt(fast, T0.plusMillis(4_270)).isEmpty(), "down: the rounds take over");
    }

    @Test
    void anExternalOriginDoesNotRenameAPackagersLadder() {
        cut.stitch(packager("local", HLS), reading(HLS, LADDER, 1, 3), STITCHED);
        var external = OriginSource.external("e1", "edge", 5, java.net.URI.create("http://edge/master.m3u8"));
        var offered = reading(HLS, LADDER, 2, 4);
        var fromEdge = new VariantReading(
                StitchLayout.external(MediaPlaylist.parse("#EXTM3U\n#EXTINF:2,\na.ts\n")), false, offered.playlists());

        var text = cut.stitch(external, fromEdge, STITCHED).orElseThrow();

        assertNull(text.master());
        assertEquals(
                LADDER.stream().sorted().toList(),
                text.media().keySet().stream().sorted().toList());
    }
}
