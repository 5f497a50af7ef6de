package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerUploadsTest {

    @Test
    void aPackagersFilesNameTheirStream() {
        assertEquals(Optional.of("news"), WorkerUploads.stream("/put/news/master.m3u8"));
        assertEquals(Optional.of("news"), WorkerUploads.stream("/put/news/720p/seg_1733600000.ts"));
        assertEquals(Optional.of("news-2"), WorkerUploads.stream("/put/news-2/packager-backup/360p/index.m3u8"));
    }

    @Test
    void anythingElseNamesNoStream() {
        for (String uri : new String[] {
            null,
            "",
            "/put/",
            "/put/news",
            "/put/news/",
            "/put/../hls/x.ts",
            "/put/news/../other/x.ts",
            "/put/news/%2e%2e/x.ts",
            "/put/News/x.ts",
            "/put/news/a/b/c/d.ts",
            "/hls/news/x.ts",
            "/put/news/.hidden",
            "/put/news/x.ts?y=1"
        }) {
            assertTrue(WorkerUploads.stream(uri).isEmpty(), () -> "named a stream: " + uri);
        }
    }
}
