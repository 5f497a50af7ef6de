package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessLogTest {

    @Test
    void keepsTheLastLinesMaskedAndKnowsWhereTheCurrentRunBegan() {
        var log = new ProcessLog(3, line -> line.replace("secret", "***"));
        log.add("first run");
        log.newRun();
        log.add("second run: secret");
        assertEquals(List.of("second run: ***"), log.linesOfThisRun());

        log.add("b");
        log.add("c");
        assertEquals(List.of("second run: ***", "b", "c"), log.lines(), "the oldest line left the ring");
        assertEquals(List.of("second run: ***", "b", "c"), log.linesOfThisRun(), "the run's start moved with it");
        log.add("d");
        assertEquals(List.of("b", "c", "d"), log.linesOfThisRun());
    }
}
