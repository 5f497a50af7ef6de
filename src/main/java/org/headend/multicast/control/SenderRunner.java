package org.headend.multicast.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.multicast.entity.MulticastFigures;
import org.headend.multicast.entity.MulticastState;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.multicast.entity.MulticastStatus;
import org.headend.platform.process.ChildProcess;
import org.headend.platform.process.ProcessLog;

/**
 * Keeps one multicast sender going while its stream is live: a source ffmpeg writes MPEG-TS to a
 * pipe and the Java {@link MulticastSender} paces it onto the group. When the source ends, it is
 * started again with backoff and fed to the same sender (which counts the restart and keeps the
 * continuity counters going); while datagrams flow and SAP is on, the session is announced every
 * interval, and deleted when the runner stops.
 */
final class SenderRunner {

    private static final Logger LOG = Logger.getLogger(SenderRunner.class.getName());
    private static final int LOG_LINES = 200;

    private final MulticastChannel channel;
    private final String streamName;
    private final String input;
    private final MulticastRuntime runtime;
    private final ProcessLog log = new ProcessLog(LOG_LINES, line -> line);

    private volatile MulticastState state = MulticastState.STARTING;
    private volatile Instant since = Instant.now();
    private volatile String lastError;
    private volatile MulticastSender sender;
    private volatile long packetsAtStart;
    private volatile SapSession sapSession;
    private ChildProcess process;
    private boolean stopping;
    private Thread loop;
    private ScheduledFuture<?> sap;

    SenderRunner(MulticastChannel channel, String streamName, String input, MulticastRuntime runtime) {
        this.channel = channel;
        this.streamName = streamName;
        this.input = input;
        this.runtime = runtime;
    }

    String streamId() {
        return channel.streamId();
    }

    MulticastFigures figures() {
        return new MulticastFigures(
                channel.id(), streamName, channel.destination().toString(), status());
    }

    void start() {
        // A thread of its own for as long as the stream is live: send() blocks while it paces, and
        // a pooled task would hold a pool thread just as long.
        loop = runtime.threads().newThread(this::run);
        loop.start();
        if (channel.announce()) {
            sap = runtime.scheduler()
                    .scheduleAtFixedRate(
                            this::announce, 0, runtime.sapInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        int failures = 0;
        while (!isStopping()) {
            String reason;
            try {
                MulticastSender out = openSender();
                ChildProcess source = startSource();
                if (source == null) {
                    break;
                }
                out.send(source.output());
                reason = howItEnded(source);
            } catch (IOException | RuntimeException e) {
                reason = "Sending failed: " + e.getMessage();
            }
            if (isStopping()) {
                break;
            }
            stopSource();
            failures = state == MulticastState.LIVE ? 1 : failures + 1;
            move(MulticastState.RETRYING, reason);
            Duration delay = runtime.backoff().delay(failures);
            log.add("Headend: " + reason + "; starting the source again in " + delay.toMillis() + " ms");
            if (!pause(delay)) {
                break;
            }
        }
        // stop() may have come while the sender was being opened, before it could close it.
        MulticastSender out = sender;
        if (out != null) {
            out.close();
        }
    }

    private MulticastSender openSender() throws IOException {
        if (sender == null) {
            SenderSettings settings = Sessions.settings(channel);
            sender = new MulticastSender(settings);
            if (channel.announce()) {
                openAnnouncer(settings);
            }
        }
        return sender;
    }

    private void openAnnouncer(SenderSettings settings) {
        try {
            sapSession = SapSession.open(channel, streamName, settings);
        } catch (IOException e) {
            log.add("Headend: no SAP announcements: " + e.getMessage());
            LOG.warning(() -> "Multicast " + channel.destination() + ": no SAP announcements: " + e.getMessage());
        }
    }

    private synchronized ChildProcess startSource() throws IOException {
        if (stopping) {
            return null;
        }
        log.newRun();
        log.add("Headend: starting the source ffmpeg");
        packetsAtStart = sender.stats().packets();
        move(MulticastState.STARTING, lastError);
        process = ChildProcess.startPiped(
                "multicast-" + channel.id(),
                SourceCommand.of(runtime.ffmpeg(), input),
                runtime.runDir(),
                runtime.threads(),
                log::add);
        return process;
    }

    private String howItEnded(ChildProcess source) {
        try {
            int code = source.onExit().get(3, TimeUnit.SECONDS);
            List<String> said = log.linesOfThisRun();
            String last = said.size() > 1 ? ": " + said.get(said.size() - 1) : "";
            return "The source ffmpeg ended (exit code " + code + ")" + last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted";
        } catch (Exception stillRunning) {
            return "The sender stopped reading its source";
        }
    }

    private void stopSource() {
        ChildProcess running;
        synchronized (this) {
            running = process;
            process = null;
        }
        if (running != null) {
            running.stop(Duration.ofSeconds(3));
        }
    }

    private synchronized boolean pause(Duration delay) {
        long end = System.nanoTime() + delay.toNanos();
        try {
            while (!stopping && System.nanoTime() < end) {
                wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Called every second: LIVE once datagrams leave; a source that stays silent is killed. */
    void tick() {
        MulticastSender out = sender;
        if (out == null || isStopping()) {
            return;
        }
        SenderStats stats = out.stats();
        if (state == MulticastState.STARTING && stats.packets() > packetsAtStart) {
            move(MulticastState.LIVE, lastError);
            // Announced at once rather than at the next interval: VLC lists the channel sooner.
            runtime.scheduler().execute(this::announce);
        }
        // Quiet since the last datagram while LIVE, or since the start while nothing came yet: an
        // ffmpeg waiting forever on a playlist that stopped moving is killed and started again.
        Instant quietSince =
                state == MulticastState.LIVE ? stats.lastSentAt() : state == MulticastState.STARTING ? since : null;
        if (quietSince != null && Duration.between(quietSince, Instant.now()).compareTo(runtime.stallTimeout()) > 0) {
            ChildProcess running;
            synchronized (this) {
                running = process;
            }
            if (running != null && running.isAlive()) {
                log.add("Headend: nothing sent for " + runtime.stallTimeout().toSeconds() + " s, source killed");
                running.kill();
            }
        }
    }

    private void announce() {
        SapSession session = sapSession;
        if (session == null || isStopping() || state != MulticastState.LIVE) {
            return;
        }
        try {
            session.announce();
        } catch (IOException | RuntimeException e) {
            log.add("Headend: SAP announcement failed: " + e.getMessage());
        }
    }

    private void move(MulticastState to, String error) {
        MulticastState from = state;
        lastError = error;
        if (from == to) {
            return;
        }
        Instant now = Instant.now();
        state = to;
        since = now;
        runtime.changes()
                .accept(new MulticastStateChanged(channel.id(), channel.streamId(), streamName, from, to, error, now));
    }

    MulticastStatus status() {
        MulticastSender out = sender;
        if (out == null) {
            return new MulticastStatus(state, since, 0, 0, 0, 0, 0, 0, null, lastError);
        }
        return out.stats().status(state, since, lastError);
    }

    List<String> lastLogLines() {
        return log.lines();
    }

    /**
     * Stops the source, closes the sender and sends the SAP deletion if the session was announced;
     * the runner is not used again.
     */
    void stop() {
        synchronized (this) {
            stopping = true;
            notifyAll();
            if (sap != null) {
                sap.cancel(false);
            }
        }
        stopSource();
        MulticastSender out = sender;
        if (out != null) {
            out.close();
        }
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        withdraw();
        move(MulticastState.WAITING, null);
    }

    private void withdraw() {
        SapSession session = sapSession;
        if (session == null) {
            return;
        }
        try {
            session.end();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Multicast " + channel.destination() + ": SAP deletion failed: " + e.getMessage());
        }
    }
}
