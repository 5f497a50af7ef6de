package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two additions for recordings and input listeners: a command per run, and a watchdog that waits for flow. */
class ListenerAndRecorderWatchTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final FakeLauncher launcher = new FakeLauncher();
    private final ManualScheduling time = new ManualScheduling();
    private final List<String> ended = new ArrayList<>();

    private SupervisedProcess supervise(ProcessSpec spec, ProcessListener listener) {
        return new SupervisedProcess(spec, launcher, time, listener, p -> {});
    }

    @Test
    void eachRunCanHaveItsOwnCommandLine() {
        var runs = new AtomicInteger();
        var process = supervise(
                ProcessSpec.of("rec", List.of("ffmpeg", "part-%d")).withRestart(RestartPolicy.always(BACKOFF)),
                new ProcessListener() {
                    @Override
                    public List<String> commandForRun(List<String> specCommand) {
                        return List.of(specCommand.get(0), String.format(specCommand.get(1), runs.getAndIncrement()));
                    }
                });
        process.start();
        launcher.last().exit(1);
        time.advance(Duration.ofSeconds(1));
        assertEquals(
                List.of("ffmpeg", "part-0"), launcher.launched.get(0).request.command());
        assertEquals(
                List.of("ffmpeg", "part-1"), launcher.launched.get(1).request.command());
        assertTrue(
                process.logLines().stream().anyMatch(l -> l.endsWith(": ffmpeg part-1")), process.logLines()::toString);
    }

    @Test
    void aListenerWaitingForItsFirstSenderIsNoStallButASilenceAfterDataIs() {
        var process = supervise(
                ProcessSpec.of("input", List.of("ffmpeg", "-i", "srt://0.0.0.0:9000?mode=listener"))
                        .withRestart(RestartPolicy.always(BACKOFF))
                        .withWatch(ProgressWatch.PROGRESS_BLOCKS_ONCE_FLOWING, Duration.ofSeconds(3)),
                new ProcessListener() {
                    @Override
                    public void ended(String reason, boolean stalled) {
                        ended.add((stalled ? "stalled: " : "") + reason);
                    }
                });
        process.start();
        time.advance(Duration.ofMinutes(5));
        assertEquals(0, launcher.last().kills, "waiting for a sender is no stall");
        assertEquals(ProcessState.STARTING, process.snapshot().state());
        launcher.last().progress();
        assertEquals(ProcessState.RUNNING, process.snapshot().state());
        time.advance(Duration.ofSeconds(4));
        assertEquals(1, launcher.launched.get(0).kills, "silent after data: killed");
        assertEquals(List.of("stalled: no progress for 3 s"), ended);
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, launcher.launched.size());
        time.advance(Duration.ofMinutes(5));
        assertEquals(0, launcher.last().kills, "the next run waits for its sender again");
    }
}
