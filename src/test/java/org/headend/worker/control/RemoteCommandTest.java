package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.headend.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quoting and the scripts, run through this machine's own shells: bash stands for the worker
 * user's login shell that SSH hands every command to, and {@code sh} (dash) runs the scripts.
 */
class RemoteCommandTest {

    static final List<String> HOSTILE = List.of(
            "plain",
            "",
            "two words",
            "it's",
            "'",
            "''",
            "'\\''",
            "\"; rm -rf ~; echo \"",
            "'; touch pwned; '",
            "$(touch pwned)",
            "`touch pwned`",
            "$HOME ${PATH} $$ $1 $@",
            "a\\b\\\\c\\",
            "line\nbreak",
            "* ? [a-z] ~",
            "; | & > < ( ) { }",
            "-n",
            "--",
            "é ✓ 日本");

    @TempDir
    Path home;

    @Test
    void hostileArgumentsReachTheProgramUnchanged() throws Exception {
        String command = "printf '%s\\0' " + RemoteCommand.quoteAll(HOSTILE);
        assertEquals(HOSTILE, nulSeparated(runInLoginShell(command)));
        assertFalse(Files.exists(home.resolve("pwned")), "nothing was interpolated");
    }

    @Test
    void aQuotedScriptReachesShUnchangedThroughTheLoginShell() throws Exception {
        String script = "printf '%s\\0' " + RemoteCommand.quoteAll(HOSTILE);
        assertEquals(HOSTILE, nulSeparated(runInLoginShell(RemoteCommand.viaSh(script))));
        assertFalse(Files.exists(home.resolve("pwned")));
    }

    @Test
    void quotingIsSingleQuotesWithTheQuoteSpelledOut() {
        assertEquals("'it'\\''s'", RemoteCommand.quote("it's"));
        assertEquals("''", RemoteCommand.quote(""));
        assertThrows(IllegalArgumentException.class, () -> RemoteCommand.quote("a\0b"));
    }

    @Test
    void labelsAreFileNamesWithoutPathOrShellCharacters() {
        assertEquals("s-1_packager.720p", RemoteCommand.checkLabel("s-1_packager.720p"));
        for (String bad : List.of("", "../x", "a/b", "a b", "a;b", "$x", ".hidden", "a\nb")) {
            assertThrows(IllegalArgumentException.class, () -> RemoteCommand.checkLabel(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> RemoteCommand.launchScript("a/b", List.of("sleep")));
    }

    @Test
    void theWrapperTellsThePidKeepsAPidFileAndPassesArgumentsUnchanged() throws Exception {
        var argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HOSTILE);
        Process shell = startInLoginShell(RemoteCommand.viaSh(RemoteCommand.launchScript("job-1", argv)));
        // Stdin stays open while the program runs: its end would stop the program.
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        shell.getOutputStream().close();
        assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, shell.exitValue());
        assertEquals(HOSTILE, nulSeparated(out));
        assertTrue(err.matches("headend-pid [0-9]+\n"), err);
        assertFalse(Files.exists(runDir().resolve("job-1.pid")), "the pid file goes with the program");
        assertFalse(Files.exists(home.resolve("pwned")));
    }

    @Test
    void closingStdinEndsTheProgramAndItsGroup() throws Exception {
        // sh starts a second sleep in the program's group: it must go too.
        String child = "sleep 31 & sleep 30";
        Process shell =
                startInLoginShell(RemoteCommand.viaSh(RemoteCommand.launchScript("job-2", List.of("sh", "-c", child))));
        try (var err = new BufferedReader(new InputStreamReader(shell.getErrorStream(), StandardCharsets.UTF_8))) {
            long pid = Long.parseLong(err.readLine().substring("headend-pid ".length()));
            Path pidFile = runDir().resolve("job-2.pid");
            Await.until("the pid file", Duration.ofSeconds(5), () -> Files.exists(pidFile));
            assertEquals(pid + " sh", Files.readString(pidFile).trim());
            List<ProcessHandle> group = Await.until("both sleeps", Duration.ofSeconds(5), () -> {
                var members = ProcessHandle.of(pid).stream()
                        .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                        .toList();
                return members.size() >= 2 ? members : null;
            });
            shell.getOutputStream().close();
            assertTrue(shell.waitFor(10, TimeUnit.SECONDS), "the wrapper ended");
            assertEquals(128 + 15, shell.exitValue(), "the program got TERM");
            Await.until("the group ended", Duration.ofSeconds(5), () -> group.stream()
                    .noneMatch(ProcessHandle::isAlive));
            assertFalse(Files.exists(pidFile));
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void theReaperEndsALeftoverAndLeavesAReusedPidAlone() throws Exception {
        Process leftover = new ProcessBuilder("setsid", "sh", "-c", "sleep 30 & exec sleep 30")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.createDirectories(runDir());
            Await.until("the leftover runs sleep", Duration.ofSeconds(5), () -> leftover.info()
                    .command()
                    .map(c -> c.endsWith("sleep"))
                    .orElse(false));
            var leftoverChild = Await.until("its child", Duration.ofSeconds(5), () -> leftover.descendants()
                    .findFirst()
                    .orElse(null));
            Files.writeString(runDir().resolve("old.pid"), leftover.pid() + " sleep\n");
            Files.writeString(runDir().resolve("reused.pid"), other.pid() + " ffmpeg\n");
            Files.writeString(runDir().resolve("junk.pid"), "not a pid\n");
            Process reap = startInLoginShell(RemoteCommand.viaSh(RemoteCommand.reapScript()));
            reap.getOutputStream().close();
            String out = new String(reap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reap.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, reap.exitValue());
            assertEquals("reaped " + leftover.pid() + " sleep\n", out);
            Await.until("the leftover ended", Duration.ofSeconds(5), () -> !leftover.isAlive());
            Await.until("and its child", Duration.ofSeconds(5), () -> !leftoverChild.isAlive());
            assertTrue(other.isAlive(), "a pid now running another program is left alone");
            try (var left = Files.list(runDir())) {
                assertEquals(0, left.count(), "every pid file is gone");
            }
        } finally {
            leftover.destroyForcibly();
            other.destroyForcibly();
        }
    }

    @Test
    void theReaperIsQuietWithoutARunFolder() throws Exception {
        Process reap = startInLoginShell(RemoteCommand.viaSh(RemoteCommand.reapScript()));
        reap.getOutputStream().close();
        assertEquals("", new String(reap.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(reap.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, reap.exitValue());
    }

    private Path runDir() {
        return home.resolve(".headend/run");
    }

    private String runInLoginShell(String command) throws IOException, InterruptedException {
        Process shell = startInLoginShell(command);
        shell.getOutputStream().close();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, shell.exitValue(), new String(shell.getErrorStream().readAllBytes()));
        return out;
    }

    /** As sshd runs a command: {@code <login shell> -c <command>}, in the user's home. */
    private Process startInLoginShell(String command) throws IOException {
        var builder = new ProcessBuilder("bash", "-c", command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    private static List<String> nulSeparated(String out) {
        if (out.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
    }
}
