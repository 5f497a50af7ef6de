package org.headend.recording.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingCommandsTest {

    private static final Path DIR = Path.of("/data/recordings/r1");

    @Test
    void segmentsCopyTheStreamIntoNumberedTsFilesOfTheRun() {
        List<String> cut = RecordingCommands.segments("ffmpeg", "rtmp://127.0.0.1:1935/live/show", DIR, 3, 2);
        assertEquals("ffmpeg", cut.get(0));
        assertTrue(Collections.indexOfSubList(cut, List.of("-c", "copy")) > 0, cut.toString());
        assertTrue(Collections.indexOfSubList(cut, List.of("-i", "rtmp://127.0.0.1:1935/live/show")) > 0);
        assertTrue(Collections.indexOfSubList(cut, List.of("-segment_time", "2")) > 0);
        assertTrue(Collections.indexOfSubList(cut, List.of("-segment_format", "mpegts")) > 0);
        assertTrue(Collections.indexOfSubList(cut, List.of("-progress", "pipe:1")) > 0, "for the stall watchdog");
        assertEquals("/data/recordings/r1/part-0003-%06d.ts", cut.get(cut.size() - 1));
    }

    @Test
    void concatJoinsTheListedSegmentsIntoAFaststartMp4WithoutReencoding() {
        List<String> cut = RecordingCommands.concat("ffmpeg", DIR);
        assertTrue(Collections.indexOfSubList(cut, List.of("-f", "concat")) > 0, cut.toString());
        assertTrue(Collections.indexOfSubList(cut, List.of("-i", "/data/recordings/r1/segments.txt")) > 0);
        assertTrue(Collections.indexOfSubList(cut, List.of("-c", "copy")) > 0);
        assertTrue(Collections.indexOfSubList(cut, List.of("-movflags", "+faststart")) > 0);
        assertEquals("/data/recordings/r1/recording.mp4", cut.get(cut.size() - 1));
    }

    @Test
    void runsSortInRecordingOrder() {
        assertTrue(RecordingCommands.segmentPrefix(9).compareTo(RecordingCommands.segmentPrefix(10)) < 0);
    }
}
