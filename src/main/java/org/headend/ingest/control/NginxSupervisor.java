package org.headend.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.platform.process.Scheduling;
import org.headend.platform.process.SupervisedProcess;
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
    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Inject
    HeadendHome home;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    LiveStreams live;

    @Inject
    NginxClient client;

    /** nginx that answers nothing for this long (frozen, hung) is killed and started again. */
    @Inject
    @ConfigProperty(name = "headend.nginx.stall-timeout", defaultValue = "PT10S")
    Duration stallTimeout;

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

    @Inject
    ProcessSupervisor processes;

    private static final Duration LIVENESS_PERIOD = Duration.ofSeconds(1);

    private volatile SupervisedProcess nginx;
    private volatile Scheduling.Cancellable liveness;
    private Path prefix;

    @PostConstruct
    void startNginx() {
        // The supervisor reaps what a crashed run of the app left (this nginx among them) on its
        // first use: touch it here, before this or any other runner starts a program.
        processes.scheduling();
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
        var spec = ProcessSpec.of(
                        "nginx",
                        List.of(
                                binary,
                                "-p",
                                prefix.toString(),
                                "-c",
                                "conf/nginx.conf",
                                "-e",
                                prefix.resolve("logs/error.log").toString()))
                .withRestart(RestartPolicy.always(new Backoff(RESTART_DELAY, RESTART_DELAY)))
                .withWatch(ProgressWatch.REPORTED, stallTimeout)
                .withStopGrace(STOP_GRACE);
        nginx = processes.supervise(spec, new Watcher());
        nginx.start();
        liveness = processes.scheduling().every(LIVENESS_PERIOD, this::checkAnswers);
    }

    /** An answer of the statistics page is nginx's progress; the supervisor kills one silent too long. */
    private void checkAnswers() {
        SupervisedProcess running = nginx;
        if (running != null && running.running().isPresent()) {
            client.answers().thenAccept(answered -> {
                if (answered) {
                    running.progressed();
                }
            });
        }
    }

    /** Tells nginx's runs in the app's log; every publisher was cut when it died, so every stream goes offline. */
    private final class Watcher implements ProcessListener {

        private volatile boolean launched;

        @Override
        public void started(LaunchedProcess run) {
            launched = true;
            LOG.info(() -> "nginx-rtmp started (pid " + run.pid() + "): RTMP on port " + endpoints.rtmpPort()
                    + ", HLS on port " + endpoints.hlsPort());
        }

        @Override
        public void stdout(String line) {
            LOG.info(() -> "nginx: " + line);
        }

        @Override
        public void ended(String reason, boolean stalled) {
            if (!launched) {
                LOG.severe(() -> "nginx-rtmp (" + binary + "): " + reason + ". Trying again in "
                        + RESTART_DELAY.toSeconds() + " s");
                return;
            }
            launched = false;
            LOG.warning(() -> "nginx-rtmp " + reason + "; see " + prefix.resolve("logs/error.log")
                    + ". Restarting it in " + RESTART_DELAY.toSeconds() + " s");
            live.all().forEach(s -> live.end(s.id()));
        }
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
        if (liveness != null) {
            liveness.cancel();
        }
        if (nginx != null) {
            nginx.stop();
        }
    }
}
