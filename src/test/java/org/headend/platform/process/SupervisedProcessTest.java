package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SupervisedProcessTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final FakeLauncher launcher = new FakeLauncher();
    private final ManualScheduling time = new ManualScheduling();
    private final List<ProcessState> moves = new ArrayList<>();
    private final List<String> ended = new ArrayList<>();

    private final ProcessListener listener = new ProcessListener() {
        @Override
        public void ended(String reason, boolean stalled) {
            ended.add((stalled ? "stalled: " : "") + reason);
        }

        @Override
        public void changed(ProcessSnapshot now) {
            moves.add(now.state());
        }
    };

    private ProcessSpec ffmpeg() {
        return ProcessSpec.of("test", List.of("/usr/bin/ffmpeg", "-i", "in"))
                .withRestart(RestartPolicy.always(BACKOFF))
                .withWatch(ProgressWatch.PROGRESS_BLOCKS, Duration.ofSeconds(6));
    }

    private SupervisedProcess supervise(ProcessSpec spec) {
        return new SupervisedProcess(spec, launcher, time, listener, p -> {});
    }

    @Test
    void anExitIsRestartedAfterABackoffThatDoublesWithEachFailureInARow() {
        var process = supervise(ffmpeg());
        process.start();
        launcher.last().exit(1);
        assertEquals(ProcessState.RESTARTING, process.snapshot().state());
        time.advance(Duration.ofMillis(999));
        assertEquals(1, launcher.launched.size(), "not before the first delay of 1 s");
        time.advance(Duration.ofMillis(1));
        assertEquals(2, launcher.launched.size());
        launcher.last().exit(1);
        time.advance(Duration.ofMillis(1999));
        assertEquals(2, launcher.launched.size(), "the second delay is 2 s");
        time.advance(Duration.ofMillis(1));
        assertEquals(3, launcher.launched.size());
        assertEquals(2, process.snapshot().restarts());
        assertEquals(
                List.of(
                        ProcessState.STARTING,
                        ProcessState.RESTARTING,
                        ProcessState.STARTING,
                        ProcessState.RESTARTING,
                        ProcessState.STARTING),
                moves);
    }

    @Test
    void theExitReasonIsTheProgramsLastWordsOfThatRun() {
        var process = supervise(ffmpeg());
        process.start();
        launcher.last().err("rtmp://in: Connection refused");
        launcher.last().exit(1);
        assertEquals(
                "exited with code 1: rtmp://in: Connection refused",
                process.snapshot().lastError());
        time.advance(Duration.ofSeconds(1));
        launcher.last().exit(2);
        assertEquals("exited with code 2", process.snapshot().lastError(), "the earlier run's words are not reused");
    }

    @Test
    void aHealthyRunStartsTheCountOfFailuresAnew() {
        var process = supervise(ffmpeg());
        process.start();
        launcher.last().exit(1);
        time.advance(Duration.ofSeconds(1));
        launcher.last().exit(1);
        assertEquals(2, process.snapshot().failuresInARow());
        time.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 61; i++) {
            launcher.last().progress();
            time.advance(Duration.ofSeconds(1));
        }
        launcher.last().exit(1);
        assertEquals(1, process.snapshot().failuresInARow(), "a minute of progress is a healthy run");
        assertEquals(3, process.snapshot().restarts(), "restarts in all still count");
        int before = launcher.launched.size();
        time.advance(Duration.ofSeconds(1));
        assertEquals(before + 1, launcher.launched.size(), "restarted after the first delay again");
    }

    @Test
    void aRunWithoutProgressIsKilledAfterTheStallTimeoutAndRestarted() {
        var process = supervise(ffmpeg());
        process.start();
        launcher.last().progress();
        assertEquals(ProcessState.RUNNING, process.snapshot().state());
        time.advance(Duration.ofSeconds(6));
        assertEquals(0, launcher.last().kills, "six seconds are within the timeout");
        time.advance(Duration.ofSeconds(1));
        assertEquals(1, launcher.launched.get(0).kills);
        assertEquals(List.of("stalled: no progress for 6 s"), ended);
        assertEquals(ProcessState.RESTARTING, process.snapshot().state());
        assertTrue(
                process.logLines().contains("Headend: no progress for 6 s, ffmpeg killed"),
                process.logLines().toString());
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, launcher.launched.size());
    }

    @Test
    void progressKeepsTheWatchdogAway() {
        var process = supervise(ffmpeg());
        process.start();
        for (int i = 0; i < 30; i++) {
            launcher.last().progress();
            time.advance(Duration.ofSeconds(1));
        }
        assertEquals(0, launcher.last().kills);
        assertEquals(ProcessState.RUNNING, process.snapshot().state());
    }

    @Test
    void aStopDuringTheRestartWaitStartsNothingMore() {
        var process = supervise(ffmpeg());
        process.start();
        launcher.last().exit(1);
        process.stop();
        time.advance(Duration.ofMinutes(5));
        assertEquals(1, launcher.launched.size());
        assertEquals(0, time.pendingOnce());
        assertEquals(ProcessState.STOPPED, process.snapshot().state());
        process.start();
        assertEquals(1, launcher.launched.size(), "a stopped process stays stopped");
    }

    @Test
    void stopAsksTheProgramToEndAndTellsNoFailure() {
        var process = supervise(ffmpeg().withStopGrace(Duration.ofSeconds(3)));
        process.start();
        process.stop();
        assertEquals(1, launcher.last().terms);
        assertTrue(ended.isEmpty(), "an exit we asked for is no failure");
        assertNull(process.snapshot().pid());
        assertTrue(process.running().isEmpty());
    }

    @Test
    void aProgramThatNeverStartsIsRetriedAndGivenUpWhereThePolicySays() {
        launcher.failToStart = "No such file or directory";
        var process = supervise(ffmpeg().withRestart(new RestartPolicy(BACKOFF, Duration.ofSeconds(60), 2)));
        process.start();
        assertEquals(ProcessState.RESTARTING, process.snapshot().state());
        assertEquals(
                "cannot start ffmpeg: No such file or directory",
                process.snapshot().lastError());
        time.advance(Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(2));
        assertEquals(ProcessState.FAILED, process.snapshot().state());
        assertEquals(3, ended.size());
        time.advance(Duration.ofMinutes(5));
        assertEquals(3, ended.size(), "given up: no more attempts");
        assertEquals(0, time.pendingOnce());
    }

    @Test
    void secretsAreMaskedInTheLogAndTheLastError() {
        var spec = ProcessSpec.of("test", List.of("ffmpeg", "-i", "rtmp://host/app/s3cret"))
                .withMask(line -> line.replace("s3cret", "***"));
        var process = supervise(spec);
        process.start();
        launcher.last().err("rtmp://host/app/s3cret: Broken pipe");
        launcher.last().exit(1);
        String all = String.join("\n", process.logLines()) + process.snapshot().lastError();
        assertFalse(all.contains("s3cret"), all);
        assertTrue(all.contains("rtmp://host/app/***: Broken pipe"), all);
    }

    @Test
    void theLogKeepsTheLastLinesOnly() {
        var process = supervise(ProcessSpec.of("test", List.of("ffmpeg")));
        process.start();
        for (int i = 0; i < 500; i++) {
            launcher.last().err("line " + i);
        }
        assertEquals(ProcessSpec.LOG_LINES, process.logLines().size());
        assertEquals("line 499", process.logLines().get(ProcessSpec.LOG_LINES - 1));
    }

    @Test
    void aClosedGateHoldsTheRestartUntilItOpens() {
        var open = new AtomicBoolean(false);
        var process = supervise(ProcessSpec.of("output", List.of("ffmpeg"))
                .withRestart(RestartPolicy.always(BACKOFF))
                .withRestartGate(open::get));
        process.start();
        launcher.last().exit(1);
        time.advance(Duration.ofSeconds(30));
        assertEquals(1, launcher.launched.size(), "no restart while the destination does not answer");
        open.set(true);
        time.advance(SupervisedProcess.GATE_POLL);
        assertEquals(2, launcher.launched.size(), "restarted as soon as it answers");
        time.advance(Duration.ofSeconds(30));
        assertEquals(2, launcher.launched.size(), "the gate's poll ended with the restart");
    }

    @Test
    void theGateIsAskedWithoutHoldingTheProcess() {
        var process = new java.util.concurrent.atomic.AtomicReference<SupervisedProcess>();
        var answeredWhileAsked = new AtomicBoolean(false);
        var open = new AtomicBoolean(false);
        var asked = new java.util.concurrent.atomic.AtomicInteger();
        process.set(supervise(ProcessSpec.of("output", List.of("ffmpeg"))
                .withRestart(RestartPolicy.always(BACKOFF))
                .withRestartGate(() -> {
                    // A console asking for the status while a slow probe polls is answered at once
                    // (the first answer, at the failure itself, is taken as the run ends).
                    if (asked.incrementAndGet() > 1) {
                        try {
                            answeredWhileAsked.set(java.util.concurrent.CompletableFuture.supplyAsync(
                                                    () -> process.get().snapshot())
                                            .get(5, java.util.concurrent.TimeUnit.SECONDS)
                                    != null);
                        } catch (Exception blocked) {
                            answeredWhileAsked.set(false);
                        }
                    }
                    return open.get();
                })));
        process.get().start();
        launcher.last().exit(1);
        time.advance(SupervisedProcess.GATE_POLL);
        assertTrue(answeredWhileAsked.get(), "the snapshot was not held up by the gate");
        open.set(true);
        time.advance(SupervisedProcess.GATE_POLL);
        assertEquals(2, launcher.launched.size());
    }

    @Test
    void aDaemonRunsWithoutProgressAndWithoutAWatchdog() {
        var process = supervise(ProcessSpec.of("nginx", List.of("nginx", "-g", "daemon off;")));
        process.start();
        assertEquals(ProcessState.RUNNING, process.snapshot().state());
        time.advance(Duration.ofMinutes(10));
        assertEquals(0, launcher.last().kills);
        assertEquals(1000L, process.snapshot().pid());
        assertEquals("fake", process.snapshot().host());
    }

    @Test
    void reportedProgressCountsForAProcessWithDataOnStdout() {
        var process = supervise(ProcessSpec.of("source", List.of("ffmpeg"))
                .withDataOnStdout()
                .withWatch(ProgressWatch.REPORTED, Duration.ofSeconds(3)));
        process.start();
        assertTrue(launcher.last().request.dataOnStdout());
        for (int i = 0; i < 10; i++) {
            process.progressed();
            time.advance(Duration.ofSeconds(1));
        }
        assertEquals(0, launcher.last().kills);
        time.advance(Duration.ofSeconds(4));
        assertEquals(1, launcher.launched.get(0).kills);
    }

    @Test
    void aRestartedRunIsWatchedAsTheFirst() {
        var process = supervise(ProcessSpec.of("nginx", List.of("nginx"))
                .withRestart(RestartPolicy.always(BACKOFF))
                .withWatch(ProgressWatch.REPORTED, Duration.ofSeconds(4)));
        process.start();
        process.progressed();
        launcher.last().exit(137);
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, launcher.launched.size());
        for (int i = 0; i < 5; i++) {
            process.progressed();
            time.advance(Duration.ofSeconds(1));
        }
        assertEquals(0, launcher.last().kills);
        time.advance(Duration.ofSeconds(6));
        assertEquals(1, launcher.launched.get(1).kills, "the second run is killed when it stalls");
    }
}
