package org.headend.platform.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Being replaced by {@link ProcessSupervisor}: the runners move onto it one by one.
 *
 * An external program the app owns (ffmpeg, nginx). It is started from an argument list, never a
 * shell, in a session of its own so a Ctrl-C at the terminal reaches only the app, which then stops
 * it in order. A pid file below the data directory lets the next start reap it if the app died
 * without stopping it.
 */
@Deprecated(forRemoval = true)
public final class ChildProcess {

    private static final Logger LOG = Logger.getLogger(ChildProcess.class.getName());
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String label;
    private final Process process;
    private final Path pidFile;

    private ChildProcess(String label, Process process, Path pidFile) {
        this.label = label;
        this.process = process;
        this.pidFile = pidFile;
    }

    /**
     * Starts the command, feeding each line of its standard output and error to the consumers on
     * threads from the factory.
     */
    public static ChildProcess start(
            String label,
            List<String> command,
            Path runDir,
            ThreadFactory threads,
            Consumer<String> stdout,
            Consumer<String> stderr)
            throws IOException {
        return launch(label, command, runDir, threads, stdout, stderr);
    }

    /**
     * Starts the command with its standard output left unread, for a program whose output is data
     * (MPEG-TS on {@code pipe:1}) that the caller reads from {@link #output()}; standard error goes to
     * the consumer line by line.
     */
    public static ChildProcess startPiped(
            String label, List<String> command, Path runDir, ThreadFactory threads, Consumer<String> stderr)
            throws IOException {
        return launch(label, command, runDir, threads, null, stderr);
    }

    private static ChildProcess launch(
            String label,
            List<String> command,
            Path runDir,
            ThreadFactory threads,
            Consumer<String> stdout,
            Consumer<String> stderr)
            throws IOException {
        var argv = new java.util.ArrayList<String>();
        if (Files.isExecutable(SETSID)) {
            argv.add(SETSID.toString());
        }
        argv.addAll(command);
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        Path pidFile = runDir.resolve(label + ".pid");
        Files.writeString(pidFile, process.pid() + " " + Path.of(command.get(0)).getFileName() + "\n");
        if (stdout != null) {
            threads.newThread(() -> pump(process.getInputStream(), stdout)).start();
        }
        threads.newThread(() -> pump(process.getErrorStream(), stderr)).start();
        return new ChildProcess(label, process, pidFile);
    }

    private static void pump(InputStream in, Consumer<String> lines) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException closed) {
            // The process ended; its exit is handled through onExit().
        }
    }

    /** The program's standard output, for one started with {@link #startPiped}. */
    public InputStream output() {
        return process.getInputStream();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(p -> {
            forgetPidFile();
            return p.exitValue();
        });
    }

    /** Ends the program at once (SIGKILL), as for one that hangs. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Kills a process and everything it started. The parent goes first, from a list of its
     * descendants taken before: killed the other way round, an nginx master replaces a dead worker
     * in the instant before it dies itself, and that new worker is left behind.
     */
    public static void killTree(ProcessHandle root) {
        var descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Asks the program to finish (SIGTERM: ffmpeg closes its playlists, nginx shuts down), then
     * kills it and anything it started if it has not ended within the grace period.
     */
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warning(() -> label + " did not stop within " + grace.toSeconds() + " s; killing it");
                    killTree(process.toHandle());
                    process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        forgetPidFile();
    }

    private void forgetPidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.fine(() -> "Cannot delete " + pidFile + ": " + e);
        }
    }
}
