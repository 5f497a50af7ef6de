package org.headend.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.ChildProcess;
import org.headend.platform.process.OrphanReaper;
import org.headend.playback.control.PlaybackSecret;
import org.headend.playback.control.PublicStreams;
import org.headend.playback.control.ViewerLog;
import org.headend.stream.control.LiveStreams;

/**
 * Runs nginx-rtmp next to the app when {@code headend.nginx.managed} is true (the default): renders
 * its configuration from the template, starts it, starts it again if it dies (every publisher was
 * cut then, so every stream goes offline), and stops it with the app.
 */
@Singleton
@Startup
public class NginxSupervisor {

    private static final Logger LOG = Logger.getLogger(NginxSupervisor.class.getName());
    private static final String TEMPLATE = "server-config/nginx.conf.template";

    @Inject
    HeadendHome home;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    LiveStreams live;

    @Inject
    PlaybackSecret playbackSecret;

    @Inject
    PublicStreams publicStreams;

    @Inject
    ViewerLog viewerLog;

    @Inject
    @ConfigProperty(name = "headend.nginx.managed", defaultValue = "true")
    boolean managed;

    @Inject
    @ConfigProperty(name = "headend.nginx.binary", defaultValue = "/usr/sbin/nginx")
    String binary;

    @Inject
    @ConfigProperty(name = "headend.nginx.rtmp-module", defaultValue = "/usr/lib/nginx/modules/ngx_rtmp_module.so")
    String rtmpModule;

    @Inject
    @ConfigProperty(name = "headend.nginx.template")
    Optional<String> templateFile;

    @Inject
    @ConfigProperty(name = "headend.rtmp.bind", defaultValue = "0.0.0.0")
    String rtmpBind;

    @Inject
    @ConfigProperty(name = "headend.hls.bind", defaultValue = "0.0.0.0")
    String hlsBind;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile ChildProcess nginx;
    private volatile boolean stopping;
    private Path prefix;

    @PostConstruct
    void startNginx() {
        OrphanReaper.reap(home.dir("run"));
        if (!managed) {
            LOG.info("nginx-rtmp is managed outside Headend (headend.nginx.managed=false)");
            return;
        }
        prefix = home.dir("nginx");
        for (String dir : List.of("conf", "logs", "tmp")) {
            home.dir("nginx", dir);
        }
        try {
            Path conf = prefix.resolve("conf/nginx.conf");
            Files.writeString(conf, NginxConfig.render(template(), values()));
            // It holds the playback signing secret.
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the nginx configuration", e);
        }
        launch();
        awaitListening(Duration.ofSeconds(10));
    }

    private Map<String, String> values() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return Map.ofEntries(
                Map.entry("PLAYBACK_SECRET", playbackSecret.value()),
                Map.entry("PUBLIC_ROOT", publicStreams.folder().toString()),
                Map.entry("VIEWER_LOG_PORT", Integer.toString(viewerLog.port())),
                Map.entry("PREFIX", prefix.toString()),
                Map.entry("RTMP_MODULE", rtmpModule),
                // As root, nginx would run its workers as 'nobody', who cannot read a data directory
                // below a private home; a non-root user runs them as itself anyway.
                Map.entry("USER_DIRECTIVE", root ? "user root;" : ""),
                Map.entry("RTMP_BIND", rtmpBind),
                Map.entry("RTMP_PORT", Integer.toString(endpoints.rtmpPort())),
                Map.entry("HLS_BIND", hlsBind),
                Map.entry("HLS_PORT", Integer.toString(endpoints.hlsPort())),
                Map.entry("HLS_ROOT", home.dir("hls").toString()),
                Map.entry("HOOK_BASE", "http://127.0.0.1:" + endpoints.httpPort() + "/api/hooks/rtmp"),
                Map.entry("HOOK_SECRET", endpoints.hookSecret()));
    }

    private String template() throws IOException {
        if (templateFile.isPresent()) {
            return Files.readString(Path.of(templateFile.get()));
        }
        try (InputStream in = NginxSupervisor.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException(TEMPLATE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void launch() {
        if (stopping) {
            return;
        }
        try {
            nginx = ChildProcess.start(
                    "nginx",
                    List.of(
                            binary,
                            "-p",
                            prefix.toString(),
                            "-c",
                            "conf/nginx.conf",
                            "-e",
                            prefix.resolve("logs/error.log").toString()),
                    home.dir("run"),
                    threads,
                    line -> LOG.info(() -> "nginx: " + line),
                    line -> LOG.warning(() -> "nginx: " + line));
            LOG.info(() -> "nginx-rtmp started (pid " + nginx.pid() + "): RTMP on port " + endpoints.rtmpPort()
                    + ", HLS on port " + endpoints.hlsPort());
            nginx.onExit().thenAccept(this::onExit);
        } catch (IOException e) {
            LOG.severe("Cannot start nginx (" + binary + "): " + e.getMessage());
            scheduler.schedule(this::launch, 5, TimeUnit.SECONDS);
        }
    }

    private void onExit(int code) {
        if (stopping) {
            return;
        }
        LOG.warning(() -> "nginx-rtmp exited with code " + code + "; see " + prefix.resolve("logs/error.log")
                + ". Restarting it in 2 s");
        live.all().forEach(s -> live.end(s.id()));
        scheduler.schedule(this::launch, 2, TimeUnit.SECONDS);
    }

    private void awaitListening(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (isReachable()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warning("nginx-rtmp is not listening on port " + endpoints.rtmpPort() + " yet");
    }

    /** True when the RTMP port accepts connections. */
    public boolean isReachable() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoints.nginxHost(), endpoints.rtmpPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @PreDestroy
    void stopNginx() {
        stopping = true;
        if (nginx != null) {
            nginx.stop(Duration.ofSeconds(5));
        }
    }
}
