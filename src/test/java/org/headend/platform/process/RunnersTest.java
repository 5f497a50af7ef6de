package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnersTest {

    private final List<String> events = new ArrayList<>();
    private final Runners<TestRunner> cut = new Runners<>();

    private final class TestRunner implements Runners.Runner {
        final String id;
        final String stream;

        TestRunner(String id, String stream) {
            this.id = id;
            this.stream = stream;
        }

        @Override
        public String streamId() {
            return stream;
        }

        @Override
        public void start() {
            synchronized (events) {
                events.add("start " + id);
            }
        }

        @Override
        public void stop() {
            synchronized (events) {
                events.add("stop " + id);
            }
        }

        @Override
        public List<String> logLines() {
            return List.of("line of " + id);
        }
    }

    @Test
    void aRunnerIsStartedOncePerId() {
        cut.startIfAbsent("a", id -> new TestRunner(id, "s1"));
        cut.startIfAbsent("a", id -> new TestRunner(id, "s1"));
        assertEquals(List.of("start a"), events);
        assertEquals(List.of("line of a"), cut.log("a"));
        assertEquals(List.of(), cut.log("b"), "no runner, no lines");
    }

    @Test
    void haltingAStreamStopsItsRunnersOnly() {
        cut.startIfAbsent("a", id -> new TestRunner(id, "s1"));
        cut.startIfAbsent("b", id -> new TestRunner(id, "s2"));
        cut.startIfAbsent("c", id -> new TestRunner(id, "s1"));
        cut.haltStream("s1");
        assertTrue(events.containsAll(List.of("stop a", "stop c")), events.toString());
        assertFalse(events.contains("stop b"), events.toString());
        assertEquals(1, cut.count(r -> true));
        assertTrue(cut.find("b").isPresent());
        cut.halt("b");
        cut.halt("b");
        assertEquals(1, events.stream().filter("stop b"::equals).count(), "stopped once");
    }

    @Test
    void haltAllStopsEveryRunner() {
        cut.startIfAbsent("a", id -> new TestRunner(id, "s1"));
        cut.startIfAbsent("b", id -> new TestRunner(id, "s2"));
        cut.haltAll();
        assertTrue(events.containsAll(List.of("stop a", "stop b")), events.toString());
        assertTrue(cut.all().isEmpty());
    }
}
