package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A small npm project among the test sources ({@code src/test/<name>}: package.json, its committed
 * package-lock.json and a few source files), copied to {@code target/<name>} and installed there
 * with {@code npm ci}. The install is skipped while {@code node_modules} was made from the same
 * lock file, so only the first run after a clean or a dependency change pays for it (npm's own
 * cache in ~/.npm makes that one fast too). Tools run from {@code node_modules/.bin} with an
 * argument list, never a shell.
 */
public final class NpmProject {

    private static final Duration INSTALL = Duration.ofMinutes(5);
    private static final String INSTALLED_LOCK = "node_modules/.headend-installed-lock.json";

    private final Path dir;

    private NpmProject(Path dir) {
        this.dir = dir;
    }

    /** What a tool printed, and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {
        public String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    public static NpmProject prepare(String name) {
        Path source = Path.of("src", "test", name);
        Path dir = Path.of("target", name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(
                            file, dir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            var project = new NpmProject(dir);
            project.install();
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path write(String file, String content) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a tool of node_modules/.bin (or a program on the PATH, such as node) in the project. */
    public Run run(Duration timeout, Map<String, String> env, String tool, String... arguments) {
        Path local = dir.resolve("node_modules").resolve(".bin").resolve(tool);
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(local) ? local.toString() : tool);
        command.addAll(List.of(arguments));
        return execute(command, env, timeout);
    }

    private void install() throws IOException {
        Path lock = dir.resolve("package-lock.json");
        Path installed = dir.resolve(INSTALLED_LOCK);
        if (Files.exists(installed) && Files.mismatch(lock, installed) == -1) {
            return;
        }
        var ci = execute(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Map.of(), INSTALL);
        if (ci.exitCode() != 0) {
            throw new AssertionError("npm ci failed in " + dir + ": " + ci.describe());
        }
        Files.copy(lock, installed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Run execute(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile(dir, "run-", ".out");
            Path err = Files.createTempFile(dir, "run-", ".err");
            var builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // No telemetry or update checks: test runs have no business calling home.
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            builder.environment().put("NO_COLOR", "1");
            builder.environment().putAll(env);
            Process process;
            try {
                process = builder.start();
            } catch (IOException notInstalled) {
                throw new AssertionError(
                        command.get(0) + " cannot be started: Node.js 20.19+ and npm are needed "
                                + "(./headend test checks them and says how to install them)",
                        notInstalled);
            }
            try {
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(command + " did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            var run = new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
