package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.headend.ingest.control.NginxConfig;

/**
 * nginx-rtmp run apart from the app, as Docker Compose runs it ({@code HEADEND_NGINX_MANAGED=false}):
 * rendered from the app's own template on free ports, serving the HLS the app writes below its home,
 * calling the app's hooks with {@link HeadendProcess#HOOK_SECRET}. It outlives the app's restarts.
 * {@link #appEnvironment()} is what the app needs to work with it.
 */
public final class ExternalNginx implements AutoCloseable {

    /** Shared with the app, so the playback tokens it signs play here. */
    public static final String PLAYBACK_SECRET = "it-playback-secret-0123456789";

    private final int httpPort = FreePorts.next();
    private final int rtmpPort = FreePorts.next();
    private final int hlsPort = FreePorts.next();
    private final Process process;

    private ExternalNginx(Path appHome, Path prefix) throws IOException {
        for (String dir : List.of("conf", "logs", "tmp")) {
            Files.createDirectories(prefix.resolve(dir));
        }
        Path publicRoot = Files.createDirectories(appHome.resolve("playback/public"));
        Path hlsRoot = Files.createDirectories(appHome.resolve("hls"));
        Path conf = prefix.resolve("conf/nginx.conf");
        Files.writeString(
                conf,
                NginxConfig.render(
                        Files.readString(Path.of("server-config/nginx.conf.template")),
                        Map.ofEntries(
                                Map.entry("PLAYBACK_SECRET", PLAYBACK_SECRET),
                                Map.entry("PUBLIC_ROOT", publicRoot.toString()),
                                // Viewer counting is not what this nginx is for: its lines go nowhere.
                                Map.entry("VIEWER_LOG_PORT", Integer.toString(FreePorts.next())),
                                Map.entry("PREFIX", prefix.toString()),
                                Map.entry("RTMP_MODULE", "/usr/lib/nginx/modules/ngx_rtmp_module.so"),
                                Map.entry(
                                        "USER_DIRECTIVE",
                                        "root".equals(System.getProperty("user.name")) ? "user root;" : ""),
                                Map.entry("RTMP_BIND", "127.0.0.1"),
                                Map.entry("RTMP_PORT", Integer.toString(rtmpPort)),
                                Map.entry("HLS_BIND", "127.0.0.1"),
                                Map.entry("HLS_PORT", Integer.toString(hlsPort)),
                                Map.entry("HLS_ROOT", hlsRoot.toString()),
                                Map.entry("HOOK_BASE", "http://127.0.0.1:" + httpPort + "/api/hooks/rtmp"),
                                Map.entry("HOOK_SECRET", HeadendProcess.HOOK_SECRET))));
        Path log = prefix.resolve("logs/error.log");
        process = new ProcessBuilder(
                        "/usr/sbin/nginx", "-p", prefix.toString(), "-c", "conf/nginx.conf", "-e", log.toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        try {
            Await.until("the external nginx-rtmp to listen (log: " + log + ")", Duration.ofSeconds(10), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited with " + process.exitValue() + "; see " + log);
                }
                return ListeningPorts.tcp(rtmpPort) && ListeningPorts.tcp(hlsPort);
            });
        } catch (RuntimeException | AssertionError notUp) {
            close();
            throw notUp;
        }
    }

    /** Started for an app whose home is {@code appHome}; its own files go below target/it-logs. */
    public static ExternalNginx forApp(Path appHome) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "it-logs").toAbsolutePath());
            return new ExternalNginx(appHome, Files.createTempDirectory(logs, "nginx-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the app needs to use this nginx-rtmp instead of running its own. */
    public Map<String, String> appEnvironment() {
        return Map.of(
                "HEADEND_NGINX_MANAGED", "false",
                "HEADEND_HTTP_PORT", Integer.toString(httpPort),
                "HEADEND_RTMP_PORT", Integer.toString(rtmpPort),
                "HEADEND_HLS_PORT", Integer.toString(hlsPort),
                "HEADEND_PLAYBACK_SECRET", PLAYBACK_SECRET);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
