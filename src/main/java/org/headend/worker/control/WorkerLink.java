package org.headend.worker.control;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.headend.platform.process.Launcher;
import org.headend.worker.entity.WorkerAddress;

/**
 * One SSH session to a worker host: signed in with the node's key, the host key pinned, kept alive
 * so a dead link is noticed within a few seconds ({@code onLoss} runs once, on a thread of its
 * own, when it is). Programs run on the worker through its {@link #launcher()}.
 */
public final class WorkerLink implements AutoCloseable {

    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private static final Logger LOG = Logger.getLogger(WorkerLink.class.getName());
    private static final long WATCH_MILLIS = 250;
    private static final long CLOSE_WAIT_MILLIS = 2000;

    /** JSch tells no one when a session drops; one daemon thread looks at every link's. */
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "headend-ssh-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final WorkerAddress address;
    private final Session session;
    private final LinkSocket socket;
    private final SshLauncher launcher;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile ScheduledFuture<?> watch;

    private WorkerLink(WorkerAddress address, Session session, LinkSocket socket) {
        this.address = address;
        this.session = session;
        this.socket = socket;
        this.launcher = new SshLauncher(this, address.name());
    }

    /**
     * Connects and signs in. Fails with a plain reason when the host is unreachable, presents
     * another host key than {@code address.hostKey()}, or refuses the node's key.
     */
    public static WorkerLink connect(WorkerAddress address, SshKeys keys, Duration keepAlive, Runnable onLoss)
            throws WorkerLinkException {
        if ("root".equals(address.user())) {
            throw new WorkerLinkException("Headend does not sign in as root: register a non-root user for the work");
        }
        PinnedHostKey pinned;
        try {
            pinned = PinnedHostKey.parse(address.hostKey());
        } catch (IllegalArgumentException e) {
            throw new WorkerLinkException("the registered host key cannot be used: " + e.getMessage());
        }
        JSch jsch = new JSch();
        jsch.setHostKeyRepository(pinned);
        keys.addIdentityTo(jsch);
        var socket = new LinkSocket(CONNECT_TIMEOUT_MILLIS);
        Session session;
        try {
            session = jsch.getSession(address.user(), address.host(), address.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setConfig("server_host_key", pinned.algorithms());
            session.setSocketFactory(socket);
            session.setServerAliveInterval((int) Math.max(1, keepAlive.toMillis()));
            session.setServerAliveCountMax(3);
            session.setDaemonThread(true);
        } catch (JSchException e) {
            throw new WorkerLinkException("cannot set up the link to " + address.name() + ": " + e.getMessage(), e);
        }
        try {
            session.connect(CONNECT_TIMEOUT_MILLIS);
        } catch (JSchException e) {
            session.disconnect();
            throw LinkFailures.explain(e, address, pinned);
        }
        var link = new WorkerLink(address, session, socket);
        link.watch = WATCHER.scheduleWithFixedDelay(
                () -> link.lookAt(onLoss), WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Linked to worker " + address.name() + " (" + link.workerAddress() + ") as " + address.user());
        return link;
    }

    private void lookAt(Runnable onLoss) {
        if (session.isConnected() || !over.compareAndSet(false, true)) {
            return;
        }
        watch.cancel(false);
        LOG.warning(() -> "Lost the link to worker " + address.name());
        Thread thread = new Thread(onLoss, "headend-ssh-lost-" + address.name());
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isConnected() {
        return !over.get() && session.isConnected();
    }

    /** This node's address on the link, as the worker reaches it. */
    public String nodeAddress() {
        return socket.localAddress();
    }

    /** The worker's address on the link, as this node sees it. */
    public String workerAddress() {
        return socket.remoteAddress();
    }

    /** Runs a short command on the worker (through its login shell) and returns its output. */
    public ExecResult exec(String command, Duration timeout) throws WorkerLinkException {
        ChannelExec channel = openExec(command);
        channel.setInputStream(new ByteArrayInputStream(new byte[0]));
        var stderr = new ByteArrayOutputStream();
        channel.setErrStream(stderr, true);
        var timedOut = new AtomicBoolean();
        ScheduledFuture<?> timer = WATCHER.schedule(
                () -> {
                    timedOut.set(true);
                    channel.disconnect();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            InputStream out = channel.getInputStream();
            channel.connect((int) Math.max(1, timeout.toMillis()));
            byte[] stdout = out.readAllBytes();
            // The exit status follows the end of the output in the protocol.
            awaitClosed(channel);
            if (timedOut.get()) {
                throw new WorkerLinkException("a command on worker " + address.name() + " did not finish within "
                        + timeout.toSeconds() + " s");
            }
            if (!channel.isClosed()) {
                throw down(new IOException("the channel closed without an exit status"));
            }
            return new ExecResult(
                    channel.getExitStatus(),
                    new String(stdout, StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } catch (WorkerLinkException e) {
            throw e;
        } catch (JSchException | IOException e) {
            throw down(e);
        } finally {
            timer.cancel(false);
            channel.disconnect();
        }
    }

    /** An exec channel for a command, not connected yet. */
    ChannelExec openExec(String command) throws WorkerLinkException {
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command.getBytes(StandardCharsets.UTF_8));
            return channel;
        } catch (JSchException e) {
            throw down(e);
        }
    }

    WorkerLinkException down(Exception e) {
        if (!isConnected()) {
            return new WorkerLinkException("the link to worker " + address.name() + " is down", e);
        }
        return new WorkerLinkException("worker " + address.name() + " did not run a command: " + e.getMessage(), e);
    }

    /** Waits a moment for a channel whose output ended to close (then its exit status is in). */
    static void awaitClosed(ChannelExec channel) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        while (!channel.isClosed() && end - System.nanoTime() > 0) {
            try {
                // JSch has no callback for a channel's close; the status is there within milliseconds.
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts programs on the worker; its host() is the worker's name. */
    public Launcher launcher() {
        return launcher;
    }

    /** Ends the session, and with it every program still running through it. */
    @Override
    public void close() {
        if (over.compareAndSet(false, true) && watch != null) {
            watch.cancel(false);
        }
        session.disconnect();
    }

    /** Drops the TCP connection under the session at once (a reset), as a cut link or a crash would. */
    void dropConnection() {
        socket.reset();
    }

    /** What a short command printed, and how it ended. */
    public record ExecResult(int exitCode, String stdout, String stderr) {}
}
