package org.headend.webrtc.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
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
import org.headend.webrtc.entity.JanusRestarted;

/**
 * Runs Janus next to the app when {@code headend.webrtc.enabled} (the default), as nginx is run:
 * checks the settings, renders the configuration into {@code <home>/janus}, starts Janus, asks it
 * every second whether it answers (one that stops answering for the stall timeout is killed),
 * starts it again with backoff when it ends, and stops it with the app. When a run ends, every
 * WebRTC session it carried is gone: the client's sessions are failed and {@link JanusRestarted}
 * tells the WHIP and WHEP sides to drop theirs.
 */
@Singleton
@Startup
// Read by the health check while the start waits for Janus: no container lock, volatile state.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JanusSupervisor {

    private static final Logger LOG = Logger.getLogger(JanusSupervisor.class.getName());
    private static final Backoff RESTART = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration LIVENESS_PERIOD = Duration.ofSeconds(1);
    private static final Duration START_WAIT = Duration.ofSeconds(10);
    static final String RESTARTS = "headend_webrtc_janus_restarts";

    @Inject
    HeadendHome home;

    @Inject
    WebRtcSettings settings;

    @Inject
    JanusEndpoint endpoint;

    @Inject
    JanusClient client;

    @Inject
    ProcessSupervisor processes;

    @Inject
    Event<JanusRestarted> restarted;

    @Inject
    MetricRegistry metrics;

    private volatile String problem;
    private volatile SupervisedProcess janus;
    private volatile Scheduling.Cancellable liveness;

    @PostConstruct
    void startJanus() {
        // The process supervisor reaps a Janus a crashed run of the app left, on its first use.
        processes.scheduling();
        try {
            startIfEnabled();
        } catch (RuntimeException e) {
            // WebRTC is one capability: whatever goes wrong with it, the rest of the app starts.
            notStarted(e.toString());
        }
    }

    private void startIfEnabled() {
        if (!settings.enabled()) {
            LOG.info("WebRTC is off (headend.webrtc.enabled=false): Janus is not started");
            return;
        }
        List<String> problems = WebRtcSettingsCheck.problems(settings);
        Optional<Path> modules = JanusConfig.modules(settings.binary());
        if (problems.isEmpty() && modules.isEmpty()) {
            problems =
                    List.of("the Janus modules (libjanus_videoroom.so, libjanus_streaming.so, libjanus_http.so) are not"
                            + " installed beside "
                            + settings.binary() + " (Debian package 'janus')");
        }
        if (!problems.isEmpty()) {
            notStarted(String.join("; ", problems));
            return;
        }
        Path dir = home.dir("janus");
        try {
            JanusConfig.write(dir, JanusConfig.values(settings, endpoint, dir), modules.get());
        } catch (IOException | RuntimeException e) {
            notStarted("cannot write its configuration into " + dir + ": " + e.getMessage());
            return;
        }
        launch(dir);
        awaitAnswering();
    }

    private void notStarted(String why) {
        problem = "Janus is not started: " + why;
        LOG.severe(problem);
    }

    /** Why Janus is not run at all (bad settings, not installed), if so. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The pid of the running Janus, if one runs. */
    public Optional<Long> pid() {
        SupervisedProcess running = janus;
        return running == null ? Optional.empty() : running.running().map(LaunchedProcess::pid);
    }

    private void launch(Path dir) {
        var spec = ProcessSpec.of(
                        "janus",
                        List.of(
                                settings.binary(),
                                "--config=" + dir.resolve("conf/janus.jcfg"),
                                "--configs-folder=" + dir.resolve("conf")))
                .withRestart(RestartPolicy.always(RESTART))
                .withWatch(ProgressWatch.REPORTED, settings.stallTimeout())
                .withMask(secrets())
                .withStopGrace(STOP_GRACE);
        janus = processes.supervise(spec, new Watcher());
        janus.start();
        liveness = processes.scheduling().every(LIVENESS_PERIOD, this::checkAnswers);
    }

    /** Janus prints no secret that we know of; should it ever, neither its log nor ours shows one. */
    private UnaryOperator<String> secrets() {
        String api = endpoint.apiSecret();
        String admin = endpoint.adminSecret();
        return line -> line.replace(api, "****").replace(admin, "****");
    }

    /** An answer to "info" is Janus's progress; the supervisor kills one silent for the stall timeout. */
    private void checkAnswers() {
        SupervisedProcess running = janus;
        if (running != null && running.running().isPresent()) {
            client.answers().thenAccept(answered -> {
                if (answered) {
                    running.progressed();
                }
            });
        }
    }

    private void awaitAnswering() {
        long end = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < end) {
            try {
                client.info();
                return;
            } catch (JanusException notYet) {
                try {
                    // A bounded start-up wait, polling; the app starts on when Janus is late.
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warning("Janus does not answer on " + endpoint.apiBase() + " yet; WebRTC waits for it");
    }

    /** Tells Janus's runs in the app's log and drops everything a run that ended carried. */
    private final class Watcher implements ProcessListener {

        private final UnaryOperator<String> mask = secrets();
        private volatile boolean launched;

        @Override
        public void started(LaunchedProcess run) {
            launched = true;
            LOG.info(() -> "Janus started (pid " + run.pid() + "): API on " + endpoint.apiBase() + ", media on UDP "
                    + settings.ports());
        }

        @Override
        public void stdout(String line) {
            // Janus says a lot at level 4 (every session); its errors and warnings go to our log.
            Level level = line.contains("[ERR]") || line.contains("[FATAL]") || line.contains("[WARN]")
                    ? Level.WARNING
                    : Level.FINE;
            LOG.log(level, () -> "janus: " + mask.apply(line));
        }

        @Override
        public void ended(String reason, boolean stalled) {
            String said = mask.apply(reason);
            if (!launched) {
                LOG.severe(() -> "Janus (" + settings.binary() + "): " + said + ". Trying again");
                return;
            }
            launched = false;
            LOG.warning(() -> "Janus ended (" + said + "); every WebRTC session it carried is gone. Restarting it");
            metrics.counter(Metadata.builder()
                            .withName(RESTARTS)
                            .withDescription("Restarts of Janus after it ended or stopped answering")
                            .build())
                    .inc();
            client.lostAll("Janus " + said);
            try {
                restarted.fire(new JanusRestarted(said, stalled));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of Janus's restart failed", e);
            }
        }
    }

    @PreDestroy
    void stopJanus() {
        if (liveness != null) {
            liveness.cancel();
        }
        if (janus != null) {
            janus.stop();
        }
    }
}
