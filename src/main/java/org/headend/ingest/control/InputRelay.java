package org.headend.ingest.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.platform.process.SupervisedProcess;
import org.headend.stream.entity.ListenerState;
import org.headend.stream.entity.ListenerStatus;

/**
 * Keeps one SRT or UDP listener running for as long as its stream exists, on the process
 * supervisor. A listener ends when its sender leaves (SRT) or falls silent (the silence timeout,
 * counted only once data flowed), and listens again at once for the next sender; one that fails
 * before receiving anything (port taken, bad interface) is retried with backoff, so a broken
 * setting does not spin. This class turns those runs into the listener's status.
 */
final class InputRelay implements ProcessListener {

    /**
     * A run that received data resets the row of failures, so the next sender is listened for
     * after the first delay; failures without data double it, up to the ceiling.
     */
    static final RestartPolicy RESTART =
            new RestartPolicy(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(15)), Duration.ZERO, 0);

    private static final Duration QUICK_FAILURE = Duration.ofSeconds(1);

    private final Duration silenceTimeout;
    private final SupervisedProcess process;

    private volatile ListenerStatus status = ListenerStatus.listening();
    private Instant runStartedAt = Instant.now();
    private long bytesBefore;
    private long lastBytes;
    private Instant lastSampleAt = Instant.now();
    private boolean launchedThisRun;

    InputRelay(
            ProcessSupervisor processes,
            String streamId,
            List<String> command,
            Duration silenceTimeout,
            UnaryOperator<String> mask) {
        this.silenceTimeout = silenceTimeout;
        var spec = ProcessSpec.of("input-" + streamId, command)
                .withRestart(RESTART)
                .withWatch(ProgressWatch.PROGRESS_BLOCKS_ONCE_FLOWING, silenceTimeout)
                .withMask(mask)
                .withExplainer(ListenerErrors::explain)
                .withStopGrace(Duration.ofSeconds(3))
                .partOf(streamId, ProcessRoles.RELAY);
        this.process = processes.supervise(spec, this);
    }

    void start() {
        process.start();
    }

    @Override
    public synchronized void started(LaunchedProcess run) {
        runStartedAt = Instant.now();
        lastBytes = 0;
        lastSampleAt = runStartedAt;
        launchedThisRun = true;
    }

    /** Received bytes are the progress: a sender that stops sending has ended its stream. */
    @Override
    public synchronized boolean progress(Progress progress) {
        Instant now = Instant.now();
        long bytes = progress.totalBytes();
        long millis = Math.max(1, Duration.between(lastSampleAt, now).toMillis());
        long kbps = bytes >= lastBytes ? (bytes - lastBytes) * 8 / millis : 0;
        boolean more = bytes > lastBytes;
        lastBytes = bytes;
        lastSampleAt = now;
        ListenerStatus s = status;
        boolean receiving = bytes > 0;
        status = new ListenerStatus(
                receiving ? ListenerState.RECEIVING : s.state(),
                receiving && s.state() != ListenerState.RECEIVING ? now : s.since(),
                kbps,
                bytesBefore + bytes,
                s.restarts(),
                receiving ? null : s.lastError());
        return more;
    }

    /**
     * A caller refused at the SRT handshake leaves the listener waiting, saying why on standard
     * error, which the supervisor keeps: the status says so while it waits.
     */
    private ListenerStatus withRefusal(ListenerStatus s) {
        if (s.state() == ListenerState.RECEIVING) {
            return s;
        }
        return ListenerErrors.refusedSender(process.linesOfThisRun())
                .filter(refusal -> !refusal.equals(s.lastError()))
                .map(refusal -> new ListenerStatus(
                        s.state(), s.since(), s.bitrateKbps(), s.bytesReceived(), s.restarts(), refusal))
                .orElse(s);
    }

    @Override
    public synchronized void ended(String reason, boolean stalled) {
        bytesBefore += lastBytes;
        boolean received = lastBytes > 0;
        boolean quick = !launchedThisRun
                || Duration.between(runStartedAt, Instant.now()).compareTo(QUICK_FAILURE) < 0;
        launchedThisRun = false;
        lastBytes = 0;
        ListenerStatus s = received ? status : withRefusal(status);
        if (!received && quick) {
            status = new ListenerStatus(
                    ListenerState.RETRYING, Instant.now(), 0, s.bytesReceived(), s.restarts() + 1, reason);
            return;
        }
        if (stalled) {
            process.note("nothing received for " + silenceTimeout.toMillis() + " ms; the sender has gone");
        }
        // A sender left, fell silent, or was refused: listen again for the next one.
        status = new ListenerStatus(
                ListenerState.LISTENING, Instant.now(), 0, s.bytesReceived(), s.restarts(), s.lastError());
    }

    ListenerStatus status() {
        return withRefusal(status);
    }

    List<String> lastLogLines() {
        return process.logLines();
    }

    /** Stops the listener for good; a sender still connected is cut. */
    void stop() {
        process.stop();
    }
}
