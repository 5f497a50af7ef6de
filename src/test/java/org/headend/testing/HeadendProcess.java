package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application started the way a user starts it: Payara Micro with the built WAR, on free
 * ports (or those {@code HEADEND_HTTP_PORT}, {@code HEADEND_RTMP_PORT} and {@code HEADEND_HLS_PORT}
 * in its environment fix), with its own data directory, nginx-rtmp run by the app. Its output goes to
 * target/it-logs so a failing test can be read after the fact. {@link #inNamespace} runs it, and so
 * the nginx and ffmpegs it starts, inside a network namespace instead.
 */
public final class HeadendProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-Secret-1";
    public static final String HOOK_SECRET = "it-hook-secret";

    private final Path home;
    private final Map<String, String> extraEnv;
    private final String namespace;
    private final List<LoopbackForward> forwards = new ArrayList<>();
    private final int httpPort;
    private final int rtmpPort;
    private final int hlsPort;
    private final int webrtcApiPort;
    private final int webrtcAdminPort;
    private final Path log;
    private Process process;

    public HeadendProcess(Path home, Map<String, String> extraEnv) {
        this(home, extraEnv, null);
    }

    private HeadendProcess(Path home, Map<String, String> extraEnv, String namespace) {
        this.home = home;
        this.extraEnv = Map.copyOf(extraEnv);
        this.namespace = namespace;
        this.httpPort = port(extraEnv, "HEADEND_HTTP_PORT");
        this.rtmpPort = port(extraEnv, "HEADEND_RTMP_PORT");
        this.hlsPort = port(extraEnv, "HEADEND_HLS_PORT");
        this.webrtcApiPort = port(extraEnv, "HEADEND_WEBRTC_API_PORT");
        this.webrtcAdminPort = port(extraEnv, "HEADEND_WEBRTC_ADMIN_PORT");
        this.log = Path.of("target", "it-logs", "headend-" + home.getFileName() + "-" + httpPort + ".log");
    }

    public static HeadendProcess inTempHome(Map<String, String> extraEnv) {
        return new HeadendProcess(tempHome(), extraEnv, null);
    }

    /**
     * The app run with {@code ip netns exec <namespace>}, so it and the programs it starts live in
     * that namespace and keep their loopback bindings there. Its HTTP, RTMP and HLS ports are
     * forwarded from the same ports of the root namespace's loopback ({@link LoopbackForward}):
     * {@link #baseUrl()}, {@link #rtmpUrl()} and {@link #hlsUrl()} work from the test as they are.
     */
    public static HeadendProcess inNamespace(String namespace, Map<String, String> extraEnv) {
        return new HeadendProcess(tempHome(), extraEnv, namespace);
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("headend-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HeadendProcess start() {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        try {
            if (namespace != null) {
                for (int port : new int[] {httpPort, rtmpPort, hlsPort}) {
                    forwards.add(LoopbackForward.start(
                            namespace, port, log.resolveSibling("forwards-" + namespace + "-" + httpPort + ".log")));
                }
            }
            process = builder.start();
            awaitReady(Duration.ofSeconds(240));
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError notReady) {
            // A start that fails must not leave the app, the nginx it started or a forward running.
            stop();
            throw notReady;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (namespace != null) {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(List.of(
                javaBinary(),
                "-Xmx768m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                property("payara.microJar", "target/payara-micro.jar"),
                "--deploy",
                property("headend.war", "target/headend.war"),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(httpPort),
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                "server-config/boot-commands.asadmin"));
        return command;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HEADEND_HOME", home.toString());
        env.put("HEADEND_HTTP_PORT", Integer.toString(httpPort));
        env.put("HEADEND_RTMP_PORT", Integer.toString(rtmpPort));
        env.put("HEADEND_HLS_PORT", Integer.toString(hlsPort));
        // Janus's HTTP and admin APIs, on loopback: free ports, so a './headend run' may be up too.
        env.put("HEADEND_WEBRTC_API_PORT", Integer.toString(webrtcApiPort));
        env.put("HEADEND_WEBRTC_ADMIN_PORT", Integer.toString(webrtcAdminPort));
        env.put("HEADEND_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("HEADEND_HOOKS_SECRET", HOOK_SECRET);
        env.putAll(extraEnv);
        return env;
    }

    private void awaitReady(Duration deadline) {
        // The API answers 401 without a token once the application is deployed; Payara's own
        // endpoints (/health) may answer before that.
        Await.until("the application's API to answer (log: " + log + ")", deadline, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + "; see " + log);
            }
            return Api.fetch(baseUrl() + "/api/v1/streams").status() == 401;
        });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String rtmpUrl() {
        return "rtmp://127.0.0.1:" + rtmpPort + "/live";
    }

    public String hlsUrl() {
        return "http://127.0.0.1:" + hlsPort + "/hls";
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return log;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The programs the app runs right now (ffmpeg, nginx), by command name. */
    public List<ProcessHandle> children(String commandName) {
        return process.descendants()
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("/" + commandName))
                        .orElse(false))
                .toList();
    }

    public Api api() {
        return new Api(baseUrl(), null);
    }

    public Api admin() {
        var reply =
                api().post("/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("Cannot sign in as admin: " + reply);
        }
        return api().as(reply.json().getString("access_token"));
    }

    /**
     * Stops the app with SIGTERM, as a user's Ctrl-C or a service manager does, and returns the
     * programs it had started that are still running afterwards (none, when it behaves).
     */
    public List<ProcessHandle> stop() {
        try {
            return stopApp();
        } finally {
            forwards.forEach(LoopbackForward::close);
            forwards.clear();
        }
    }

    private List<ProcessHandle> stopApp() {
        if (process == null || !process.isAlive()) {
            return List.of();
        }
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> left =
                started.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        return left;
    }

    /** Kills the app with SIGKILL, as a crash would: it gets no chance to stop what it started. */
    public List<ProcessHandle> crash() {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return started;
    }

    @Override
    public void close() {
        stop();
    }

    /** The port {@code extraEnv} fixes (to match an nginx-rtmp run apart, or a restart), else a free one. */
    private static int port(Map<String, String> extraEnv, String variable) {
        String fixed = extraEnv.get(variable);
        return fixed == null ? FreePorts.next() : Integer.parseInt(fixed);
    }

    private static String property(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
