package org.headend.worker.control;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.headend.platform.process.LaunchRequest;
import org.headend.platform.process.LaunchedProcess;

/**
 * A program running on a worker, on its own exec channel. Its stdin is the wrapper's lifeline:
 * closing it (or losing the session) makes the wrapper end the program's group. The exit is the
 * channel's exit status, or -1 when the link died first and no status came.
 */
final class RemoteProcess implements LaunchedProcess {

    private static final Logger LOG = Logger.getLogger(RemoteProcess.class.getName());
    private static final Pattern PID_LINE = Pattern.compile("headend-pid (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private final WorkerLink link;
    private final String host;
    private final String label;
    private final ChannelExec channel;
    private final OutputStream lifeline;
    private final InputStream stdout;
    private final boolean dataOnStdout;
    private final CompletableFuture<Long> pid = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private RemoteProcess(WorkerLink link, String host, LaunchRequest request, ChannelExec channel) throws IOException {
        this.link = link;
        this.host = host;
        this.label = request.label();
        this.channel = channel;
        this.lifeline = channel.getOutputStream();
        this.stdout = channel.getInputStream();
        this.dataOnStdout = request.dataOnStdout();
    }

    static RemoteProcess start(WorkerLink link, String host, LaunchRequest request) throws IOException {
        String script = RemoteCommand.launchScript(request.label(), request.command());
        ChannelExec channel = link.openExec(RemoteCommand.viaSh(script));
        var process = new RemoteProcess(link, host, request, channel);
        InputStream stderr = channel.getErrStream();
        try {
            channel.connect(WorkerLink.CONNECT_TIMEOUT_MILLIS);
        } catch (JSchException e) {
            channel.disconnect();
            throw link.down(e);
        }
        var outDone = request.dataOnStdout()
                ? CompletableFuture.<Void>completedFuture(null)
                : process.pump(process.stdout, request.stdout(), "out");
        var errDone = process.pump(stderr, process.errorLine(request.stderr()), "err");
        CompletableFuture.allOf(outDone, errDone).thenRunAsync(process::ended, process.daemon("exit"));
        try {
            process.pid.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            channel.disconnect();
            throw new WorkerLinkException("worker " + host + " did not start " + request.label() + " within "
                    + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            channel.disconnect();
            Thread.currentThread().interrupt();
            throw new WorkerLinkException("interrupted while starting " + request.label() + " on worker " + host);
        }
        return process;
    }

    /** Takes the wrapper's pid line out of the program's error lines. */
    private Consumer<String> errorLine(Consumer<String> lines) {
        return line -> {
            var pidLine = PID_LINE.matcher(line);
            if (!pid.isDone() && pidLine.matches()) {
                pid.complete(Long.parseLong(pidLine.group(1)));
            } else {
                lines.accept(line);
            }
        };
    }

    private CompletableFuture<Void> pump(InputStream in, Consumer<String> lines, String what) {
        var done = new CompletableFuture<Void>();
        daemon(what).execute(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException closed) {
                // The channel closed; the exit is told by ended().
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** The output ended: the exit status follows (or never comes, when the link died). */
    private void ended() {
        WorkerLink.awaitClosed(channel);
        int status = channel.isClosed() ? channel.getExitStatus() : -1;
        channel.disconnect();
        pid.completeExceptionally(new IOException("ended before it told its pid"));
        exit.complete(status);
    }

    private java.util.concurrent.Executor daemon(String what) {
        return task -> {
            Thread thread = new Thread(task, "headend-ssh-" + host + "-" + label + "-" + what);
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public long pid() {
        return pid.getNow(0L);
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public InputStream output() {
        return dataOnStdout ? stdout : InputStream.nullInputStream();
    }

    /** SIGKILLs the program's group on the worker, then lets the channel go. */
    @Override
    public void kill() {
        if (!isAlive()) {
            return;
        }
        long group = pid();
        if (group > 0 && link.isConnected()) {
            try {
                link.exec(
                        RemoteCommand.viaSh(
                                "kill -KILL -" + group + " 2>/dev/null; kill -KILL " + group + " 2>/dev/null; exit 0"),
                        KILL_TIMEOUT);
            } catch (WorkerLinkException e) {
                LOG.fine(() -> "Cannot kill " + label + " on worker " + host + ": " + e.getMessage());
            }
        }
        awaitExit(KILL_TIMEOUT);
        channel.disconnect();
    }

    /** Closes the lifeline: the wrapper sends TERM, and KILL two seconds later. */
    @Override
    public void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        try {
            lifeline.close();
        } catch (IOException e) {
            LOG.fine(() -> "The channel of " + label + " on worker " + host + " is gone: " + e.getMessage());
        }
        if (!awaitExit(grace)) {
            LOG.warning(() ->
                    label + " on worker " + host + " did not stop within " + grace.toSeconds() + " s; killing it");
            kill();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
