package org.headend.platform.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A program running on this node. It is started in a session of its own so a Ctrl-C at the
 * terminal reaches only the app, which then stops it in order; a pid file below the run folder lets
 * the next start reap it if the app died without stopping it.
 */
final class LocalProcess implements LaunchedProcess {

    private static final Logger LOG = Logger.getLogger(LocalProcess.class.getName());
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final long DRAIN_SECONDS = 1;

    private final String label;
    private final Process process;
    private final Path pidFile;
    private final CompletableFuture<Integer> exit;
    private final boolean ownGroup;

    private LocalProcess(
            String label, Process process, Path pidFile, boolean ownGroup, CompletableFuture<Void> drained) {
        this.label = label;
        this.process = process;
        this.pidFile = pidFile;
        this.ownGroup = ownGroup;
        // What the program started goes with it (an nginx master killed alone leaves workers that
        // hold its ports). The exit is told once the last lines were handed on too (so a caller
        // reading output has it all), but a grandchild holding the pipes open does not hold it up.
        this.exit = process.onExit()
                .thenApply(p -> {
                    killGroup();
                    return p;
                })
                .thenCompose(p -> drained.completeOnTimeout(null, DRAIN_SECONDS, TimeUnit.SECONDS))
                .thenApply(done -> {
                    forgetPidFile();
                    return process.exitValue();
                });
    }

    static LocalProcess start(LaunchRequest request, Path runDir, ThreadFactory threads) throws IOException {
        var argv = new ArrayList<String>();
        boolean ownGroup = Files.isExecutable(SETSID);
        if (ownGroup) {
            argv.add(SETSID.toString());
        }
        argv.addAll(request.command());
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        Path pidFile = runDir.resolve(request.label() + ".pid");
        Files.writeString(
                pidFile, process.pid() + " " + Path.of(request.command().get(0)).getFileName() + "\n");
        var out = request.dataOnStdout()
                ? CompletableFuture.<Void>completedFuture(null)
                : pump(threads, process.getInputStream(), request.stdout());
        var err = pump(threads, process.getErrorStream(), request.stderr());
        return new LocalProcess(request.label(), process, pidFile, ownGroup, CompletableFuture.allOf(out, err));
    }

    private static CompletableFuture<Void> pump(ThreadFactory threads, InputStream in, Consumer<String> lines) {
        var done = new CompletableFuture<Void>();
        threads.newThread(() -> {
                    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            lines.accept(line);
                        }
                    } catch (IOException closed) {
                        // The process ended; its exit is handled through onExit().
                    } finally {
                        done.complete(null);
                    }
                })
                .start();
        return done;
    }

    @Override
    public String host() {
        return LocalLauncher.HOST;
    }

    @Override
    public InputStream output() {
        return process.getInputStream();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public void kill() {
        killTree(process.toHandle());
        killGroup();
    }

    /**
     * Kills what is left of the program's session (started by setsid, its group id is its pid):
     * children whose parent died are no longer its descendants, but still in its group.
     */
    private void killGroup() {
        if (!ownGroup) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.fine(() -> "Cannot end the group of " + label + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills a process and everything it started. The parent goes first, from a list of its
     * descendants taken before: killed the other way round, an nginx master replaces a dead worker
     * in the instant before it dies itself, and that new worker is left behind.
     */
    static void killTree(ProcessHandle root) {
        var descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warning(() -> label + " did not stop within " + grace.toSeconds() + " s; killing it");
                    killTree(process.toHandle());
                    killGroup();
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
