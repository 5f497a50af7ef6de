package org.headend.transcode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlsFolderTest {

    private static final String SEGMENT = "#EXTM3U\n#EXTINF:2.0,\nseg_0.ts\n";

    @TempDir
    Path dir;

    private HlsFolder prepared() throws IOException {
        var cut = new HlsFolder(dir.resolve("townhall"), List.of("720p", "360p"));
        cut.prepare();
        return cut;
    }

    @Test
    void playsOnlyOnceTheMasterIsThereAndEveryVariantListsASegment() throws IOException {
        var cut = prepared();
        Path out = dir.resolve("townhall");
        assertFalse(cut.playable(), "an empty folder");
        Files.writeString(out.resolve("720p/index.m3u8"), SEGMENT);
        Files.writeString(out.resolve("360p/index.m3u8"), SEGMENT);
        assertFalse(cut.playable(), "no master yet");
        Files.writeString(out.resolve("master.m3u8"), "#EXTM3U\n");
        Files.writeString(out.resolve("360p/index.m3u8"), "#EXTM3U\n");
        assertFalse(cut.playable(), "a variant without a segment");
        Files.writeString(out.resolve("360p/index.m3u8"), SEGMENT);
        assertTrue(cut.playable());
    }

    @Test
    void readsPlaylistsWhereTheyAreWrittenAndSaysWhereTheyAre() throws IOException {
        var cut = prepared();
        Path out = dir.resolve("townhall");
        assertThrows(IOException.class, cut::master, "not written yet");
        Files.writeString(out.resolve("master.m3u8"), "#EXTM3U\nmaster");
        Files.writeString(out.resolve("720p/index.m3u8"), SEGMENT);
        assertEquals("#EXTM3U\nmaster", cut.master());
        assertEquals(SEGMENT, cut.mediaPlaylist("720p"));
        assertEquals(out.resolve("720p/index.m3u8").toUri(), cut.mediaPlaylistUri("720p"));
    }

    @Test
    void preparingEmptiesAnEarlierSession() throws IOException {
        Path stale = dir.resolve("townhall/720p/seg_9.ts");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "old");
        prepared();
        assertFalse(Files.exists(stale));
        assertTrue(Files.isDirectory(dir.resolve("townhall/360p")));
    }
}
