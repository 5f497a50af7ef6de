package org.headend.transcode.control;

import static org.headend.transcode.control.FfmpegCommandTest.HD_60FPS;
import static org.headend.transcode.control.FfmpegCommandTest.HLS;
import static org.headend.transcode.control.FfmpegCommandTest.INPUT_URL;
import static org.headend.transcode.control.FfmpegCommandTest.OUT;
import static org.headend.transcode.control.FfmpegCommandTest.THUMBNAIL;
import static org.headend.transcode.control.FfmpegCommandTest.after;
import static org.headend.transcode.control.FfmpegCommandTest.defaultLadder;
import static org.headend.transcode.control.FfmpegCommandTest.valuesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.transcode.entity.Ladder;
import org.junit.jupiter.api.Test;

/** The packager's output as a local folder (the node's own) or a URL on the node that takes PUT (a worker's). */
class FfmpegRemoteOutputTest {

    static final String NODE = "http://10.200.1.1:8089/put/townhall";

    static List<String> build(Ladder ladder, String output, ThumbnailOutput thumbnail) {
        return FfmpegCommand.build(
                "/usr/bin/ffmpeg",
                INPUT_URL,
                RenditionPlan.of(ladder, HD_60FPS),
                HD_60FPS,
                HLS,
                output,
                thumbnail,
                HostEncoders.x264Only());
    }

    static List<String> flags(List<String> cut) {
        return List.of(after(cut, "-hls_flags").split("\\+"));
    }

    @Test
    void aUrlIsWrittenWithPutOverOneConnection() {
        var cut = build(defaultLadder(), NODE, null);

        assertEquals("PUT", after(cut, "-method"));
        assertEquals("1", after(cut, "-http_persistent"));
        assertTrue(cut.indexOf("-method") > cut.indexOf("-f"), "an option of the HLS muxer: " + cut);
    }

    @Test
    void aUrlGetsSegmentAndPlaylistNamesWithSlashesAndNoTempFiles() {
        var cut = build(defaultLadder(), NODE, null);

        assertEquals(NODE + "/%v/seg_%d.ts", after(cut, "-hls_segment_filename"));
        assertEquals(NODE + "/%v/index.m3u8", cut.get(cut.size() - 1), "the playlist is the last argument");
        assertEquals(List.of("program_date_time", "independent_segments", "delete_segments"), flags(cut));
        assertEquals(
                NODE + "/packager-backup/%v/index.m3u8",
                last(build(defaultLadder(), NODE + "/packager-backup/", null)),
                "a trailing slash makes no empty path segment");
    }

    @Test
    void aRemotePackagerWithoutAThumbnailSplitsOnlyForItsRenditions() {
        var cut = build(defaultLadder(), NODE, null);

        String graph = after(cut, "-filter_complex");
        assertTrue(graph.startsWith("[0:v]split=3[s0][s1][s2];"), graph);
        assertFalse(graph.contains("thumb"), graph);
        assertEquals(List.of("[v0]", "[v1]", "[v2]", "0:a:0", "0:a:0", "0:a:0"), valuesOf(cut, "-map"));
        assertFalse(cut.contains("mjpeg"), cut.toString());
    }

    @Test
    void aLocalFolderIsWrittenAsBeforeWithTempFilesAndNoHttpOptions() {
        var cut = build(defaultLadder(), OUT.toString(), THUMBNAIL);

        assertFalse(cut.contains("-method"), cut.toString());
        assertFalse(cut.contains("-http_persistent"), cut.toString());
        assertEquals(List.of("program_date_time", "independent_segments", "delete_segments", "temp_file"), flags(cut));
        assertEquals(OUT.resolve("%v").resolve("seg_%d.ts").toString(), after(cut, "-hls_segment_filename"));
        assertEquals(THUMBNAIL.file().toString(), last(cut), "the thumbnail is the last output");
    }

    @Test
    void aLocalPackagerMayAlsoGoWithoutAThumbnail() {
        var cut = build(defaultLadder(), OUT.toString(), null);

        assertEquals(OUT.resolve("%v").resolve("index.m3u8").toString(), last(cut));
        assertFalse(after(cut, "-filter_complex").contains("[thumb]"));
    }

    @Test
    void passthroughOverHttpCopiesAsLocally() {
        var cut = build(new Ladder("passthrough", true, List.of()), NODE, null);

        assertEquals("copy", after(cut, "-c"));
        assertEquals("PUT", after(cut, "-method"));
        assertEquals(NODE + "/%v/index.m3u8", last(cut));
    }

    static String last(List<String> cut) {
        return cut.get(cut.size() - 1);
    }
}
