package org.headend.platform.process;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One program Headend keeps running: it is started, watched for progress and killed when it
 * stalls, started again after a backoff when it ends on its own (a healthy run starts the count of
 * failures anew), given up after too many failures in a row where the policy says so, and stopped
 * with a grace. Its last lines are kept with secrets masked. Its owner hears of every run and move
 * through a {@link ProcessListener}; the owner decides what the process means for its capability.
 */
public final class SupervisedProcess {

    private static final Logger LOG = Logger.getLogger(SupervisedProcess.class.getName());

    /** Begins the lines Headend adds to a log itself, told apart from the program's. */
    public static final String OWN = "Headend: ";

    /** How often a closed restart gate is tried again. */
    static final Duration GATE_POLL = Duration.ofMillis(250);

    private final ProcessSpec spec;
    private final Launcher launcher;
    private final Scheduling time;
    private final ProcessListener listener;
    private final Consumer<SupervisedProcess> onChange;
    private final ProcessLog log;
    private final AtomicBoolean moved = new AtomicBoolean();

    private LaunchedProcess current;
    private ProcessState state = ProcessState.STOPPED;
    private Instant since;
    private Instant startedAt;
    private Instant lastProgressAt;
    private boolean progressSeen;
    private boolean stalled;
    private boolean stopping;
    private int restarts;
    private int failuresInARow;
    private String lastError;
    private Scheduling.Cancellable watchdog;
    private Scheduling.Cancellable pendingRestart;

    public SupervisedProcess(
            ProcessSpec spec,
            Launcher launcher,
            Scheduling time,
            ProcessListener listener,
            Consumer<SupervisedProcess> onChange) {
        this.spec = spec;
        this.launcher = launcher;
        this.time = time;
        this.listener = listener;
        this.onChange = onChange;
        this.log = new ProcessLog(spec.logLines(), spec.mask());
        this.since = time.now();
    }

    /** Starts a run; does nothing once stopped. */
    public void start() {
        LaunchedProcess run = null;
        String failure = null;
        List<String> command = listener.commandForRun(spec.command());
        synchronized (this) {
            if (stopping) {
                return;
            }
            cancelPendingRestart();
            log.newRun();
            startedAt = time.now();
            lastProgressAt = startedAt;
            progressSeen = false;
            stalled = false;
            try {
                run = launcher.launch(request(command));
                current = run;
                log.add(OWN + "started (pid " + run.pid() + "): " + String.join(" ", command));
                move(spec.watch() == ProgressWatch.NONE ? ProcessState.RUNNING : ProcessState.STARTING);
                if (watchdog == null && spec.stallTimeout() != null && spec.watch() != ProgressWatch.NONE) {
                    watchdog = time.every(watchdogPeriod(spec.stallTimeout()), this::killIfStalled);
                }
            } catch (IOException | RuntimeException e) {
                failure = "cannot start " + program() + ": " + e.getMessage();
                String reason = failure;
                LOG.warning(() -> spec.mask().apply(spec.label() + ": " + reason));
                failed(failure);
            }
        }
        if (run != null) {
            LaunchedProcess started = run;
            run.onExit().thenAccept(code -> exited(started, code));
            listener.started(run);
        } else {
            listener.ended(failure, false);
            scheduleRestart(failure);
        }
        publishIfMoved();
    }

    private LaunchRequest request(List<String> command) {
        if (spec.dataOnStdout()) {
            return new LaunchRequest(spec.label(), command, null, log::add);
        }
        if (spec.watch().readsBlocks()) {
            var parser = new ProgressParser();
            return new LaunchRequest(
                    spec.label(), command, line -> parser.accept(line).ifPresent(this::onProgressBlock), log::add);
        }
        return new LaunchRequest(
                spec.label(),
                command,
                line -> {
                    log.add(line);
                    listener.stdout(line);
                },
                log::add);
    }

    private void onProgressBlock(Progress progress) {
        if (listener.progress(progress)) {
            progressed();
        }
    }

    /** The process made progress: it is RUNNING, and its stall clock starts again. */
    public void progressed() {
        synchronized (this) {
            if (stopping || current == null) {
                return;
            }
            lastProgressAt = time.now();
            progressSeen = true;
            if (state == ProcessState.STARTING) {
                move(ProcessState.RUNNING);
            }
        }
        publishIfMoved();
    }

    private synchronized void killIfStalled() {
        LaunchedProcess running = current;
        if (stopping || stalled || running == null || !running.isAlive()) {
            return;
        }
        if (spec.watch() == ProgressWatch.PROGRESS_BLOCKS_ONCE_FLOWING && !progressSeen) {
            return;
        }
        if (Duration.between(lastProgressAt, time.now()).compareTo(spec.stallTimeout()) > 0) {
            stalled = true;
            log.add(OWN + "no progress for " + spec.stallTimeout().toSeconds() + " s, " + program() + " killed");
            LOG.warning(() -> spec.label() + " made no progress for "
                    + spec.stallTimeout().toSeconds() + " s; killing it");
            running.kill();
        }
    }

    private void exited(LaunchedProcess run, int exitCode) {
        String reason;
        boolean wasStalled;
        synchronized (this) {
            if (stopping || run != current) {
                return;
            }
            current = null;
            wasStalled = stalled;
            reason = wasStalled
                    ? "no progress for " + spec.stallTimeout().toSeconds() + " s"
                    : spec.explain().explain(exitCode, log.linesOfThisRun());
            String said = reason;
            LOG.warning(() -> spec.mask().apply(spec.label() + " stopped: " + said));
            failed(reason);
        }
        // The owner hears of the end before the restart is due, so its view of this run is
        // settled before the next one reports.
        listener.ended(reason, wasStalled);
        scheduleRestart(reason);
        publishIfMoved();
    }

    /** After a run ended or could not start: count the failure, and give up where the policy says. */
    private void failed(String reason) {
        Instant now = time.now();
        if (progressSeen
                && Duration.between(startedAt, now).compareTo(spec.restart().healthyRun()) >= 0) {
            failuresInARow = 0;
        }
        failuresInARow++;
        restarts++;
        lastError = spec.mask().apply(reason);
        if (spec.restart().givesUpAfter(failuresInARow)) {
            log.add(OWN + reason + "; given up after " + failuresInARow + " failures in a row");
            cancelWatchdog();
            move(ProcessState.FAILED);
            return;
        }
        move(ProcessState.RESTARTING);
    }

    /**
     * Restarts after the backoff, or once the gate opens where it is closed now. The gate is asked
     * without holding this process: a probe may wait for an answer.
     */
    private void scheduleRestart(String reason) {
        boolean gateClosed;
        synchronized (this) {
            if (stopping || state != ProcessState.RESTARTING || pendingRestart != null) {
                return;
            }
        }
        gateClosed = spec.restartGate() != null && !spec.restartGate().getAsBoolean();
        synchronized (this) {
            if (stopping || state != ProcessState.RESTARTING || pendingRestart != null) {
                return;
            }
            if (gateClosed) {
                log.add(OWN + reason + "; restart " + failuresInARow + " once the destination answers");
                pendingRestart = time.after(GATE_POLL, this::startIfGateOpen);
                return;
            }
            Duration delay = spec.restart().backoff().delay(failuresInARow);
            log.add(OWN + reason + "; restart " + failuresInARow + " in " + delay.toMillis() + " ms");
            pendingRestart = time.after(delay, this::start);
        }
    }

    /**
     * Asks the gate without holding this process (a probe may wait for an answer), and asks again a
     * poll after the answer rather than at a fixed rate: slow probes of many processes never keep
     * the shared scheduler busy, which would delay every other restart and watchdog.
     */
    private void startIfGateOpen() {
        synchronized (this) {
            if (stopping || state != ProcessState.RESTARTING) {
                return;
            }
        }
        boolean open = spec.restartGate().getAsBoolean();
        synchronized (this) {
            if (stopping || state != ProcessState.RESTARTING) {
                return;
            }
            if (!open) {
                pendingRestart = time.after(GATE_POLL, this::startIfGateOpen);
                return;
            }
            cancelPendingRestart();
        }
        start();
    }

    /** Stops the process and any pending restart; it is not started again. */
    public void stop() {
        LaunchedProcess running;
        synchronized (this) {
            stopping = true;
            cancelWatchdog();
            cancelPendingRestart();
            running = current;
            current = null;
        }
        if (running != null) {
            running.stop(spec.stopGrace());
        }
        synchronized (this) {
            move(ProcessState.STOPPED);
        }
        publishIfMoved();
    }

    /** Adds a line of Headend's own to the log (masked like the rest). */
    public void note(String line) {
        log.add(OWN + line);
    }

    public synchronized ProcessSnapshot snapshot() {
        LaunchedProcess running = current;
        Long pid = running != null && running.isAlive() ? running.pid() : null;
        return new ProcessSnapshot(launcher.host(), pid, state, since, startedAt, restarts, failuresInARow, lastError);
    }

    /** The running program, if one runs now. */
    public synchronized java.util.Optional<LaunchedProcess> running() {
        return java.util.Optional.ofNullable(current).filter(LaunchedProcess::isAlive);
    }

    /** Since the last progress of the current run; zero until its first, as opening an input is no stall. */
    public synchronized Duration sinceProgress() {
        return current == null || !progressSeen ? Duration.ZERO : Duration.between(lastProgressAt, time.now());
    }

    public List<String> logLines() {
        return log.lines();
    }

    public List<String> linesOfThisRun() {
        return log.linesOfThisRun();
    }

    public ProcessSpec spec() {
        return spec;
    }

    private void move(ProcessState to) {
        if (state != to) {
            state = to;
            since = time.now();
            moved.set(true);
        }
    }

    private void publishIfMoved() {
        if (moved.getAndSet(false)) {
            ProcessSnapshot now = snapshot();
            listener.changed(now);
            onChange.accept(this);
        }
    }

    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
    }

    private void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel();
            pendingRestart = null;
        }
    }

    private String program() {
        String first = spec.command().get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }

    private static Duration watchdogPeriod(Duration stallTimeout) {
        Duration third = stallTimeout.dividedBy(3);
        Duration floor = Duration.ofMillis(100);
        Duration ceiling = Duration.ofSeconds(1);
        return third.compareTo(floor) < 0 ? floor : third.compareTo(ceiling) > 0 ? ceiling : third;
    }
}
