package org.headend.output.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.platform.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputUrlTest {

    @ParameterizedTest
    @CsvSource({
        "rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl, rtmp://a.rtmp.youtube.com/live2/***",
        "rtmps://live-api-s.facebook.com:443/rtmp/FB-123?s_bl=1, rtmps://live-api-s.facebook.com:443/rtmp/***?s_bl=1",
        "rtmp://user:pass@host/app/key, rtmp://***@host/app/***",
        "rtmp://host/app, rtmp://host/app",
        "srt://host:9000?passphrase=topsecret123&streamid=publish:abc&latency=200, srt://host:9000?passphrase=***&streamid=***&latency=200",
        "rtsp://admin:pw@cam.local:554/stream1, rtsp://***@cam.local:554/stream1",
        "udp://239.255.0.1:30000?ttl=4, udp://239.255.0.1:30000?ttl=4"
    })
    void credentialsAreMasked(String url, String masked) {
        assertEquals(masked, OutputUrl.mask(url));
    }

    @Test
    void ffmpegMessagesQuotingTheUrlAreMaskedToo() {
        assertEquals(
                "Error closing file rtmp://h:1935/live2/*** Broken pipe",
                OutputUrl.mask("Error closing file rtmp://h:1935/live2/secret-key Broken pipe"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://h/x",
                "rtmp:///app/key",
                "udp://127.0.0.1",
                "srt://h:70000",
                "rtmp://h/a b",
                "",
                "file:///etc"
            })
    void badUrlsAreRefusedNamingTheField(String url) {
        ApiException refused = assertThrows(ApiException.class, () -> OutputUrl.parse(url));
        assertEquals(400, refused.status());
        assertEquals("url", refused.field());
    }

    @Test
    void theProtocolChoosesTheMuxerAndTheProbe() {
        assertEquals("flv", OutputUrl.parse("rtmp://h/app/key").format());
        assertEquals(1935, OutputUrl.parse("rtmp://h/app/key").port());
        assertTrue(OutputUrl.parse("rtsp://h/x").tcp());
        assertEquals("mpegts", OutputUrl.parse("srt://h:9000").format());
        assertTrue(OutputUrl.parse("srt://h:9000?mode=listener").srtListener());
        assertFalse(OutputUrl.parse("srt://h:9000").srtListener());
    }

    @Test
    void theCommandCopiesWithoutAShellAndSizesUdpDatagrams() {
        List<String> argv =
                OutputCommand.of("ffmpeg", "rtmp://127.0.0.1:1935/live/s", OutputUrl.parse("udp://127.0.0.1:5000"));
        assertEquals("ffmpeg", argv.get(0));
        assertTrue(argv.containsAll(List.of("-c", "copy", "-f", "mpegts")));
        assertEquals("udp://127.0.0.1:5000?pkt_size=1316", argv.get(argv.size() - 1));
    }

    @Test
    void rtspIsPublishedOverTcpAndRtmpsAsFlv() {
        List<String> rtsp =
                OutputCommand.of("ffmpeg", "rtmp://127.0.0.1:1935/live/s", OutputUrl.parse("rtsp://h:8554/live"));
        String args = String.join(" ", rtsp);
        assertTrue(args.endsWith("-f rtsp -rtsp_transport tcp rtsp://h:8554/live"), args);
        List<String> rtmps =
                OutputCommand.of("ffmpeg", "rtmp://127.0.0.1:1935/live/s", OutputUrl.parse("rtmps://h/app/key"));
        assertTrue(String.join(" ", rtmps).endsWith("-f flv -flvflags no_duration_filesize rtmps://h/app/key"));
    }

    @Test
    void aRenditionIsReadFromItsHlsPlaylistAtTheLiveEdge() {
        List<String> argv = OutputCommand.of(
                "ffmpeg", "http://127.0.0.1:8081/hls/s/360p/index.m3u8", OutputUrl.parse("udp://127.0.0.1:5000"));
        String args = String.join(" ", argv);
        assertTrue(args.contains("-live_start_index -1 -i http://127.0.0.1:8081/hls/s/360p/index.m3u8"), args);
        assertFalse(args.contains("-rw_timeout"), "an RTMP reader's option: " + args);
    }

    @Test
    void aMissingRenditionPlaylistIsSaidAsSuch() {
        String said = FfmpegErrors.explain(
                1,
                List.of(
                        "[http @ 0x1] HTTP error 404 Not Found",
                        "http://127.0.0.1:8081/hls/s/360p/index.m3u8: Server returned 404 Not Found"));
        assertTrue(said.startsWith("The rendition's playlist is not there"), said);
    }

    @Test
    void errorsAreSaidInPlainWordsWithoutTheKey() {
        String said = FfmpegErrors.explain(
                1, List.of("Headend: starting ffmpeg -rw_timeout 5", "rtmp://h/app/key: Connection refused"));
        assertTrue(said.startsWith("The destination refused the connection"), said);
        assertFalse(said.contains("key"), said);
    }
}
