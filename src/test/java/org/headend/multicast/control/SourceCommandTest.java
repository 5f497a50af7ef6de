package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceCommandTest {

    @Test
    void theSourceCopiesTheStreamAsMpegTsToStdoutWithoutProgressThere() {
        List<String> argv = SourceCommand.of("ffmpeg", "rtmp://127.0.0.1:1935/live/news");
        assertEquals("ffmpeg", argv.get(0));
        assertEquals("pipe:1", argv.get(argv.size() - 1), "the media is stdout");
        assertFalse(argv.contains("-progress"), "progress blocks would corrupt the TS");
        assertTrue(Collections.indexOfSubList(argv, List.of("-c", "copy", "-f", "mpegts")) > 0);
        assertTrue(Collections.indexOfSubList(argv, List.of("-mpegts_flags", "resend_headers")) > 0);
        assertTrue(Collections.indexOfSubList(argv, List.of("-i", "rtmp://127.0.0.1:1935/live/news")) > 0);
        assertTrue(argv.contains("-rw_timeout"));
    }

    @Test
    void aRenditionIsReadFromTheLiveEdgeOfItsPlaylist() {
        List<String> argv = SourceCommand.of("ffmpeg", "http://127.0.0.1:8081/internal/hls/news/720p/index.m3u8");
        assertTrue(Collections.indexOfSubList(argv, List.of("-live_start_index", "-1")) > 0);
    }
}
