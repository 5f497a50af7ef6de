package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressParserTest {

    final ProgressParser cut = new ProgressParser();

    List<Progress> feed(String... lines) {
        List<Progress> blocks = new ArrayList<>();
        for (String line : lines) {
            cut.accept(line).ifPresent(blocks::add);
        }
        return blocks;
    }

    @Test
    void aBlockCompletesOnProgressContinue() {
        var blocks = feed(
                "frame=1500",
                "fps=25.00",
                "stream_0_0_q=28.0",
                "bitrate=N/A",
                "out_time_us=60000000",
                "out_time=00:01:00.000000",
                "speed=1.01x",
                "progress=continue");

        assertEquals(List.of(new Progress(1500, 25.0, 1.01, 60_000_000, 0, false)), blocks);
    }

    @Test
    void linesInsideABlockCompleteNothing() {
        assertTrue(cut.accept("frame=10").isEmpty());
        assertTrue(cut.accept("fps=25").isEmpty());
    }

    @Test
    void progressEndMarksTheLastBlock() {
        var blocks = feed("frame=10", "progress=continue", "frame=20", "progress=end");

        assertEquals(2, blocks.size());
        assertFalse(blocks.get(0).ended());
        assertTrue(blocks.get(1).ended());
        assertEquals(20, blocks.get(1).frames());
    }

    @Test
    void notYetKnownValuesReadAsZero() {
        var blocks = feed("frame=0", "fps=N/A", "out_time_us=N/A", "speed=N/A", "progress=continue");

        assertEquals(List.of(new Progress(0, 0, 0, 0, 0, false)), blocks);
    }

    @Test
    void aBlockDoesNotInheritValuesOfThePreviousOne() {
        var blocks = feed("frame=10", "fps=30", "speed=2x", "progress=continue", "progress=continue");

        assertEquals(new Progress(0, 0, 0, 0, 0, false), blocks.get(1));
    }

    @Test
    void garbageLinesAreIgnored() {
        var blocks = feed(
                "",
                "garbage without equals",
                "=nokey",
                "[hls @ 0x55] Opening 'x.ts' for writing",
                "frame=5",
                "speed=  0.99x ",
                "progress=continue");

        assertEquals(List.of(new Progress(5, 0, 0.99, 0, 0, false)), blocks);
    }

    @Test
    void surroundingWhitespaceIsTolerated() {
        var blocks = feed("  frame = 42 ", " progress = end ");

        assertEquals(List.of(new Progress(42, 0, 0, 0, 0, true)), blocks);
    }
}
