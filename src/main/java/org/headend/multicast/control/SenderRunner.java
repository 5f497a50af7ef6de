package org.headend.multicast.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.multicast.entity.MulticastFigures;
import org.headend.multicast.entity.MulticastState;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.multicast.entity.MulticastStatus;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessSnapshot;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.Runners;
import org.headend.platform.process.Scheduling;
import org.headend.platform.process.SupervisedProcess;

/**
 * Keeps one multicast sender going while its stream is live: a supervised source ffmpeg writes
 * MPEG-TS to its standard output and the Java {@link MulticastSender} paces it onto the group, on a
 * thread of its own per run. Every restart of the source is fed to the same sender (which counts it
 * and keeps the continuity counters going); datagrams leaving are the source's progress, so a
 * source that sends nothing is killed and started again. While datagrams flow and SAP is on, the
 * session is announced every interval, and deleted when the runner stops.
 */
final class SenderRunner implements Runners.Runner, ProcessListener {

    private static final Logger LOG = Logger.getLogger(SenderRunner.class.getName());
    private static final Duration JOIN = Duration.ofSeconds(5);

    private final MulticastChannel channel;
    private final String streamName;
    private final ProcessSupervisor processes;
    private final Duration sapInterval;
    private final Consumer<MulticastStateChanged> changes;
    private final SupervisedProcess process;
    /** One send() at a time: a new run's feeder waits while the last run's datagrams drain. */
    private final Object feeding = new Object();

    private volatile MulticastState state = MulticastState.STARTING;
    private volatile Instant since = Instant.now();
    private volatile String lastError;
    private volatile String sendFailure;
    private volatile long packetsSeen;
    private volatile Thread feeder;
    private MulticastSender sender;
    private SapSession sapSession;
    private boolean stopping;
    private Scheduling.Cancellable sap;

    SenderRunner(
            MulticastChannel channel,
            String streamName,
            ProcessSpec source,
            ProcessSupervisor processes,
            Duration sapInterval,
            Consumer<MulticastStateChanged> changes) {
        this.channel = channel;
        this.streamName = streamName;
        this.processes = processes;
        this.sapInterval = sapInterval;
        this.changes = changes;
        this.process = processes.supervise(source.withExplainer(this::explain), this);
    }

    @Override
    public String streamId() {
        return channel.streamId();
    }

    MulticastFigures figures() {
        return new MulticastFigures(
                channel.id(), streamName, channel.destination().toString(), status());
    }

    @Override
    public void start() {
        if (channel.announce()) {
            sap = processes.scheduling().every(sapInterval, this::announce);
        }
        process.start();
    }

    /**
     * A thread of its own for as long as the run lasts: send() blocks while it paces, and a pooled
     * task would hold a pool thread just as long.
     */
    @Override
    public void started(LaunchedProcess run) {
        sendFailure = null;
        Thread thread = processes.threads().newThread(() -> feed(run));
        feeder = thread;
        thread.start();
    }

    private void feed(LaunchedProcess run) {
        synchronized (feeding) {
            try {
                MulticastSender out = openSender();
                if (out != null && run.isAlive()) {
                    out.send(run.output());
                }
            } catch (IOException | RuntimeException e) {
                if (!isStopping() && run.isAlive()) {
                    // The source is fine but its datagrams cannot leave: this run ends, and the
                    // process's restart opens the way again.
                    sendFailure = "Sending failed: " + e.getMessage();
                    process.note(sendFailure);
                    run.kill();
                }
            }
        }
    }

    private synchronized MulticastSender openSender() throws IOException {
        if (stopping) {
            return null;
        }
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
            process.note("no SAP announcements: " + e.getMessage());
            LOG.warning(() -> "Multicast " + channel.destination() + ": no SAP announcements: " + e.getMessage());
        }
    }

    /** How a run of the source ended: the sender's failure if it made the run end, else ffmpeg's words. */
    private String explain(int exitCode, List<String> linesOfThisRun) {
        String failure = sendFailure;
        if (failure != null) {
            return failure;
        }
        String said = "";
        for (int i = linesOfThisRun.size() - 1; i >= 0 && said.isEmpty(); i--) {
            if (!linesOfThisRun.get(i).startsWith(SupervisedProcess.OWN)) {
                said = ": " + linesOfThisRun.get(i);
            }
        }
        return "The source ffmpeg ended (exit code " + exitCode + ")" + said;
    }

    /** Called every second: datagrams that left since the last call are the source's progress. */
    void tick() {
        MulticastSender out = sender();
        if (out == null || isStopping()) {
            return;
        }
        long packets = out.stats().packets();
        if (packets > packetsSeen) {
            packetsSeen = packets;
            process.progressed();
        }
    }

    @Override
    public void changed(ProcessSnapshot now) {
        MulticastState to =
                switch (now.state()) {
                    case STARTING -> MulticastState.STARTING;
                    case RUNNING -> MulticastState.LIVE;
                        // Senders retry for ever; a policy that gives up would leave it retrying.
                    case RESTARTING, FAILED -> MulticastState.RETRYING;
                        // Stopped by its owner: stop() says WAITING once the SAP session is deleted.
                    case STOPPED -> null;
                };
        if (to == null) {
            return;
        }
        move(to, now.lastError());
        if (to == MulticastState.LIVE) {
            // Announced at once rather than at the next interval: VLC lists the channel sooner.
            processes.scheduling().after(Duration.ZERO, this::announce);
        }
    }

    private void announce() {
        SapSession session;
        synchronized (this) {
            session = sapSession;
        }
        if (session == null || isStopping() || state != MulticastState.LIVE) {
            return;
        }
        try {
            session.announce();
        } catch (IOException | RuntimeException e) {
            process.note("SAP announcement failed: " + e.getMessage());
        }
    }

    private void move(MulticastState to, String error) {
        MulticastState from;
        Instant now = Instant.now();
        synchronized (this) {
            from = state;
            lastError = error;
            if (from == to) {
                return;
            }
            state = to;
            since = now;
        }
        changes.accept(new MulticastStateChanged(channel.id(), channel.streamId(), streamName, from, to, error, now));
    }

    MulticastStatus status() {
        MulticastSender out = sender();
        if (out == null) {
            return new MulticastStatus(state, since, 0, 0, 0, 0, 0, 0, null, lastError);
        }
        return out.stats().status(state, since, lastError);
    }

    @Override
    public List<String> logLines() {
        return process.logLines();
    }

    private synchronized MulticastSender sender() {
        return sender;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /**
     * Stops the source, closes the sender and sends the SAP deletion if the session was announced;
     * the runner is not used again.
     */
    @Override
    public void stop() {
        MulticastSender out;
        synchronized (this) {
            stopping = true;
            out = sender;
            if (sap != null) {
                sap.cancel();
            }
        }
        process.stop();
        if (out != null) {
            out.close();
        }
        Thread thread = feeder;
        if (thread != null) {
            try {
                thread.join(JOIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        withdraw();
        move(MulticastState.WAITING, null);
    }

    private void withdraw() {
        SapSession session;
        synchronized (this) {
            session = sapSession;
        }
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
