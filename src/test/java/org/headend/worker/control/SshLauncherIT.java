package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.headend.platform.process.LaunchRequest;
import org.headend.platform.process.LaunchedProcess;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.SshServer;
import org.headend.worker.entity.WorkerAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH layer against a real OpenSSH server on this machine, as a worker host: its user is the
 * worker's non-root user, so what runs on the "worker" is found among this machine's processes by
 * that user. No app is needed.
 */
class SshLauncherIT {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(1);
    private static final Duration GONE = Duration.ofSeconds(10);

    static SshServer server;
    static SshKeys keys;

    @TempDir
    static Path keyDir;

    @TempDir
    Path otherKeyDir;

    private final AtomicInteger losses = new AtomicInteger();
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startWorker() {
        Assumptions.assumeTrue(SshServer.available(), "sshd needs root and openssh-server");
        server = SshServer.start("127.0.0.1");
        keys = new SshKeys(keyDir);
        server.authorize(keys.publicKey());
    }

    @AfterAll
    static void stopWorker() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signsInWithThePinnedKeyAsTheWorkersUser() throws Exception {
        try (var link = connect(server.hostKeyLine())) {
            assertTrue(link.isConnected());
            assertEquals(
                    new WorkerLink.ExecResult(0, server.user() + "\n", ""), link.exec("id -un", Duration.ofSeconds(5)));
            assertEquals("127.0.0.1", link.workerAddress());
            assertEquals("127.0.0.1", link.nodeAddress());
            assertEquals("w1", link.launcher().host());
        }
        String typeAndKey = server.hostKeyLine().substring(server.hostKeyLine().indexOf(' ') + 1);
        try (var link = connect(typeAndKey)) {
            assertEquals(3, link.exec("exit 3", Duration.ofSeconds(5)).exitCode());
            var slow = assertThrows(WorkerLinkException.class, () -> link.exec("sleep 10", Duration.ofSeconds(1)));
            assertEquals("a command on worker w1 did not finish within 1 s", slow.getMessage());
            assertEquals(
                    "still\n", link.exec("echo still", Duration.ofSeconds(5)).stdout(), "the link is fine");
        }
        assertEquals(0, losses.get(), "closing a link is no loss");
    }

    @Test
    void aHostPresentingAnotherKeyIsRefusedWithBothFingerprints() {
        var e = assertThrows(WorkerLinkException.class, () -> connect(server.otherHostKeyLine()));
        assertEquals(
                "the host presented another key (ssh-ed25519 "
                        + PinnedHostKey.parse(server.hostKeyLine()).fingerprint()
                        + ") than the one registered (ssh-ed25519 "
                        + PinnedHostKey.parse(server.otherHostKeyLine()).fingerprint() + ")",
                e.getMessage());
    }

    @Test
    void refusalsAreToldInPlainWords() {
        var unauthorized = assertThrows(
                WorkerLinkException.class,
                () -> WorkerLink.connect(
                        address(server.hostKeyLine()), new SshKeys(otherKeyDir), KEEP_ALIVE, losses::incrementAndGet));
        assertEquals(
                "authentication refused: add Headend's public key to ~" + server.user()
                        + "/.ssh/authorized_keys on 127.0.0.1",
                unauthorized.getMessage());
        var root = assertThrows(
                WorkerLinkException.class,
                () -> WorkerLink.connect(
                        new WorkerAddress("w1", "127.0.0.1", server.port(), "root", server.hostKeyLine()),
                        keys,
                        KEEP_ALIVE,
                        losses::incrementAndGet));
        assertTrue(root.getMessage().startsWith("Headend does not sign in as root"), root.getMessage());
        int closedPort = FreePorts.next();
        var refused = assertThrows(
                WorkerLinkException.class,
                () -> WorkerLink.connect(
                        new WorkerAddress("w1", "127.0.0.1", closedPort, server.user(), server.hostKeyLine()),
                        keys,
                        KEEP_ALIVE,
                        losses::incrementAndGet));
        assertEquals(
                "127.0.0.1:" + closedPort + " refused the connection: is sshd running there, on that port?",
                refused.getMessage());
    }

    @Test
    void aLaunchedProgramRunsAsTheWorkersUserAndStopAndKillEndIt() throws Exception {
        try (var link = connect(server.hostKeyLine())) {
            LaunchedProcess stopped = link.launcher().launch(request("sleep-stop", "sleep", "30"));
            ProcessHandle sleep = running(stopped, "sleep");
            assertEquals("w1", stopped.host());
            assertTrue(stopped.isAlive());
            stopped.stop(Duration.ofSeconds(5));
            assertEquals(128 + 15, stopped.onExit().get(5, TimeUnit.SECONDS), "ended by TERM");
            Await.until("the stopped sleep gone", GONE, () -> !sleep.isAlive());
            assertFalse(stopped.isAlive());

            LaunchedProcess killed = link.launcher().launch(request("sleep-kill", "sleep", "30"));
            ProcessHandle other = running(killed, "sleep");
            killed.kill();
            assertEquals(128 + 9, killed.onExit().get(5, TimeUnit.SECONDS), "ended by KILL");
            Await.until("the killed sleep gone", GONE, () -> !other.isAlive());
            assertTrue(link.isConnected(), "the link outlives its programs");
        }
    }

    @Test
    void outputLinesAndExitCodeComeBackAndThePidLineIsSwallowed() throws Exception {
        try (var link = connect(server.hostKeyLine())) {
            var run = link.launcher().launch(request("talk", "sh", "-c", "echo to-out; echo to-err >&2; exit 3"));
            assertEquals(3, run.onExit().get(10, TimeUnit.SECONDS));
            assertEquals(List.of("to-out"), out);
            assertEquals(List.of("to-err"), err);
            assertTrue(run.pid() > 0);
        }
    }

    @Test
    void hostileArgumentsReachTheRemoteProgramUnchangedAsData() throws Exception {
        try (var link = connect(server.hostKeyLine())) {
            var argv = new ArrayList<>(List.of("printf", "%s\\0"));
            argv.addAll(RemoteCommandTest.HOSTILE);
            var run = link.launcher().launch(new LaunchRequest("hostile", argv, null, err::add));
            String data = new String(run.output().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, run.onExit().get(10, TimeUnit.SECONDS));
            assertEquals(
                    RemoteCommandTest.HOSTILE,
                    Arrays.asList(data.substring(0, data.length() - 1).split("\0", -1)));
            assertEquals(List.of(), err);
            assertEquals(
                    "",
                    link.exec("ls ~/pwned 2>/dev/null", Duration.ofSeconds(5)).stdout());
        }
    }

    @Test
    void closingTheLinkEndsItsPrograms() throws Exception {
        var link = connect(server.hostKeyLine());
        LaunchedProcess run = link.launcher().launch(request("sleep-close", "sleep", "30"));
        ProcessHandle sleep = running(run, "sleep");
        link.close();
        Await.until("the sleep gone with its link", GONE, () -> !sleep.isAlive());
        assertEquals(-1, run.onExit().get(5, TimeUnit.SECONDS), "no exit status came over a closed link");
        assertEquals(0, losses.get());
    }

    @Test
    void droppingTheConnectionIsALossAndEndsThePrograms() throws Exception {
        var link = connect(server.hostKeyLine());
        try {
            LaunchedProcess run = link.launcher().launch(request("sleep-drop", "sleep", "30"));
            ProcessHandle sleep = running(run, "sleep");
            link.dropConnection();
            Await.until("the loss noticed", Duration.ofSeconds(5), () -> losses.get() == 1);
            assertFalse(link.isConnected());
            assertEquals(-1, run.onExit().get(5, TimeUnit.SECONDS));
            Await.until("the sleep gone with its connection", GONE, () -> !sleep.isAlive());
            var e = assertThrows(WorkerLinkException.class, () -> link.exec("true", Duration.ofSeconds(5)));
            assertEquals("the link to worker w1 is down", e.getMessage());
            assertEquals(1, losses.get(), "a loss is told once");
        } finally {
            link.close();
        }
    }

    @Test
    void aWorkerThatStopsAnsweringIsNoticedByTheKeepAlives() throws Exception {
        var link = connect(server.hostKeyLine());
        // The session's own sshd process (it runs as the worker's user) frozen: the TCP connection
        // stays up, but nothing answers, as on a frozen host.
        // The session's process is forked after the sign-in, so it may come a moment later.
        long pid = Await.until("the session's sshd", Duration.ofSeconds(5), () -> {
            List<Long> found = WorkerProcesses.sessionSshd(server.user());
            assertTrue(found.size() <= 1, found.toString());
            return found.isEmpty() ? null : found.get(0);
        });
        try {
            WorkerProcesses.signal("STOP", pid);
            long frozen = System.nanoTime();
            Await.until("the loss noticed", Duration.ofSeconds(10), () -> losses.get() == 1);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - frozen);
            assertTrue(seconds <= 6, "noticed after " + seconds + " s: one second between keep-alives, three missed");
            assertFalse(link.isConnected());
        } finally {
            WorkerProcesses.signal("CONT", pid);
            link.close();
        }
    }

    @Test
    void aNewLinkReapsWhatAnEarlierOneLeft() throws Exception {
        long leftover;
        try (var earlier = connect(server.hostKeyLine())) {
            // As a run cut off before its wrapper could end it: a program in its own session, a pid file.
            var started = earlier.exec(
                    RemoteCommand.viaSh("mkdir -p ~/.headend/run; setsid sleep 30 </dev/null >/dev/null 2>&1 & "
                            + "echo \"$! sleep\" > ~/.headend/run/left.pid; echo $!"),
                    Duration.ofSeconds(5));
            leftover = Long.parseLong(started.stdout().strip());
        }
        ProcessHandle sleep = ProcessHandle.of(leftover).orElseThrow();
        assertTrue(sleep.isAlive(), "closing the earlier link did not end it");
        try (var link = connect(server.hostKeyLine())) {
            link.launcher().reapLeftovers();
            Await.until("the leftover gone", GONE, () -> !sleep.isAlive());
            assertEquals(
                    "", link.exec("ls ~/.headend/run", Duration.ofSeconds(5)).stdout());
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void theProbeShowsLibx264AndTheCores() throws Exception {
        try (var link = connect(server.hostKeyLine())) {
            var capabilities = CapabilityProbe.probe(link);
            assertTrue(capabilities.h264Encoders().contains("libx264"), capabilities.toString());
            assertTrue(capabilities.ffmpegVersion().matches("\\S+"), capabilities.ffmpegVersion());
            Process nproc = new ProcessBuilder("nproc").start();
            assertEquals(
                    Integer.parseInt(new String(nproc.getInputStream().readAllBytes()).strip()), capabilities.cores());
            assertTrue(CapabilityProbe.load(link) >= 0);
        }
    }

    private WorkerLink connect(String hostKey) throws WorkerLinkException {
        return WorkerLink.connect(address(hostKey), keys, KEEP_ALIVE, losses::incrementAndGet);
    }

    private static WorkerAddress address(String hostKey) {
        return new WorkerAddress("w1", "127.0.0.1", server.port(), server.user(), hostKey);
    }

    private LaunchRequest request(String label, String... command) {
        return new LaunchRequest(label, List.of(command), out::add, err::add);
    }

    /** The program behind a remote pid, seen on this machine: running, as the worker's user. */
    private static ProcessHandle running(LaunchedProcess run, String program) {
        ProcessHandle handle = ProcessHandle.of(run.pid()).orElseThrow(() -> new AssertionError("no pid " + run.pid()));
        Await.until(program + " running", Duration.ofSeconds(5), () -> handle.info()
                .command()
                .map(c -> c.endsWith("/" + program))
                .orElse(false));
        assertEquals(server.user(), handle.info().user().orElse(""));
        return handle;
    }
}
