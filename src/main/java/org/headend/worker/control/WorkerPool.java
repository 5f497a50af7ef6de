package org.headend.worker.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.ProcessChanged;
import org.headend.platform.process.ProcessRegistry;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.Scheduling;
import org.headend.worker.entity.WorkerAddress;
import org.headend.worker.entity.WorkerCapabilities;
import org.headend.worker.entity.WorkerChanged;
import org.headend.worker.entity.WorkerDown;
import org.headend.worker.entity.WorkerDrained;
import org.headend.worker.entity.WorkerStatus;

/**
 * The registered workers and their links: connects each, reconnects with backoff, probes what it
 * can do and polls its load, and knows its state (UP, DOWN, DRAINING) with the reason in plain
 * words. Fires {@code WorkerDown} when an UP worker is lost and {@code WorkerDrained} on a drain,
 * and {@code WorkerChanged} on every change of state, capabilities, load or jobs.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
    private static final Duration LOAD_POLL = Duration.ofSeconds(5);
    static final String LOST = "the link was lost: the connection closed or the worker stopped answering";

    @Inject
    SshKeys keys;

    @Inject
    ProcessSupervisor supervisor;

    @Inject
    ProcessRegistry registry;

    @Inject
    Event<WorkerDown> downs;

    @Inject
    Event<WorkerDrained> drains;

    @Inject
    Event<WorkerChanged> changes;

    @Inject
    @ConfigProperty(name = "headend.workers.keep-alive", defaultValue = "PT1S")
    Duration keepAlive;

    @Inject
    @ConfigProperty(name = "headend.workers.reconnect.max", defaultValue = "PT30S")
    Duration reconnectMax;

    /** From a worker's loss to its streams playing elsewhere: noticing the loss may take half. */
    @Inject
    @ConfigProperty(name = "headend.workers.failover", defaultValue = "PT10S")
    Duration failover;

    @Inject
    @ConfigProperty(name = "headend.workers.node-address")
    Optional<String> nodeAddress;

    private final Map<String, WorkerSession> sessions = new ConcurrentHashMap<>();
    private Backoff backoff;
    private Scheduling time;

    // Connecting and probing block on the network for seconds: never on the supervisor's
    // scheduler, whose threads restart processes, nor on a request's thread.
    private ExecutorService connecting;

    @PostConstruct
    void init() {
        backoff = new Backoff(Duration.ofSeconds(1), reconnectMax);
        // Three keep-alives unanswered mean a lost link: within half the failover budget.
        Duration withinBudget = failover.dividedBy(6);
        if (withinBudget.compareTo(keepAlive) < 0) {
            keepAlive = withinBudget.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : withinBudget;
        }
        time = supervisor.scheduling();
        connecting = Executors.newCachedThreadPool(supervisor.threads());
    }

    /** Registered: connects it now (and again after every failure), whatever it was before. */
    public void register(WorkerAddress address, int slots, boolean drained) {
        WorkerSession session =
                sessions.computeIfAbsent(address.name(), n -> new WorkerSession(address, slots, drained, time.now()));
        var ended = session.reconnect(address, slots, time.now());
        let(session, ended, "reconnecting with changed settings");
        changed(session.name());
        int attempt = ended.next();
        connecting.execute(() -> connect(session, attempt));
    }

    /**
     * Changed: a new address, user or host key closes the link in use and makes a new one (what
     * ran there is placed again); new slots alone keep it.
     */
    public void update(WorkerAddress address, int slots) {
        WorkerSession session = sessions.get(address.name());
        if (session != null && session.address().equals(address)) {
            session.resize(slots);
            changed(address.name());
        } else {
            register(address, slots, session != null && session.isDrained());
        }
    }

    /** Removed: its link closed; what ran there has to go elsewhere. */
    public void remove(String name) {
        WorkerSession session = sessions.remove(name);
        if (session != null) {
            let(session, session.close(), "the worker was removed");
            changed(name);
        }
    }

    public void drain(String name) {
        WorkerSession session = sessions.get(name);
        if (session != null) {
            session.drain(time.now());
            drains.fire(new WorkerDrained(name));
            changed(name);
        }
    }

    public void undrain(String name) {
        WorkerSession session = sessions.get(name);
        if (session != null && session.undrain(time.now())) {
            changed(name);
        }
    }

    /** Workers that take new jobs now: linked (UP) and not draining. */
    public List<WorkerHost> available() {
        return sessions.values().stream()
                .filter(WorkerSession::isAvailable)
                .flatMap(s -> s.host().stream())
                .sorted(Comparator.comparing(WorkerHost::name))
                .toList();
    }

    /** A worker by name, while it is linked (UP or DRAINING). */
    public Optional<WorkerHost> linked(String name) {
        return Optional.ofNullable(sessions.get(name)).flatMap(WorkerSession::host);
    }

    /** The linked worker this node sees at that address (the remote end of its link), if any. */
    public Optional<WorkerHost> atAddress(String address) {
        return sessions.values().stream()
                .flatMap(s -> s.host().stream())
                .filter(h -> h.workerAddress() != null && h.workerAddress().equals(address))
                .findFirst();
    }

    /** Whether a worker of that name is registered, whatever its state. */
    public boolean isRegistered(String name) {
        return sessions.containsKey(name);
    }

    /** The worker's state now; empty when it is not registered. */
    public Optional<WorkerStatus> status(String name) {
        return Optional.ofNullable(sessions.get(name)).map(WorkerSession::status);
    }

    /** How many processes of streams run on the worker now. */
    public long jobs(String name) {
        return registry.jobsOn(name);
    }

    /** The names of the registered workers. */
    public List<String> names() {
        return sessions.keySet().stream().sorted().toList();
    }

    void processChanged(@Observes ProcessChanged change) {
        String host = change.now().host();
        if (host != null && sessions.containsKey(host)) {
            changed(host);
        }
    }

    private void connect(WorkerSession session, int attempt) {
        WorkerLink link = null;
        try {
            link = WorkerLink.connect(session.address(), keys, keepAlive, () -> lost(session, attempt, LOST));
            link.launcher().reapLeftovers();
            WorkerCapabilities capabilities = CapabilityProbe.probe(link);
            var host = new WorkerHost(
                    session.name(),
                    session.slots(),
                    capabilities,
                    link.launcher(),
                    nodeAddress.filter(a -> !a.isBlank()).orElseGet(link::nodeAddress),
                    link.workerAddress());
            if (!session.up(attempt, link, host, time.now())) {
                link.close();
                return;
            }
            LOG.info("Worker " + session.name() + " is linked: ffmpeg " + capabilities.ffmpegVersion() + ", "
                    + capabilities.h264Encoders() + ", " + capabilities.cores() + " cores");
            WorkerLink polled = link;
            session.plan(
                    attempt,
                    time.every(LOAD_POLL, () -> connecting.execute(() -> poll(session, attempt, polled))),
                    true);
            changed(session.name());
        } catch (WorkerLinkException e) {
            close(link);
            lost(session, attempt, e.getMessage());
        } catch (RuntimeException e) {
            close(link);
            LOG.warning("Worker " + session.name() + " could not be linked: " + e);
            lost(session, attempt, "the link could not be made: " + e.getClass().getSimpleName());
        }
    }

    private void poll(WorkerSession session, int attempt, WorkerLink link) {
        try {
            if (session.load(attempt, CapabilityProbe.load(link))) {
                changed(session.name());
            }
        } catch (WorkerLinkException | RuntimeException e) {
            // A link that is really gone is noticed by its keep-alives; one slow answer is no loss.
            LOG.fine("No load from worker " + session.name() + ": " + e.getMessage());
        }
    }

    /** Attempt {@code attempt} failed or lost its link: DOWN, and a retry after the backoff. */
    private void lost(WorkerSession session, int attempt, String reason) {
        session.down(attempt, reason, time.now()).ifPresent(ended -> {
            LOG.info("Worker " + session.name() + " is down: " + reason);
            let(session, ended, reason);
            changed(session.name());
            Duration delay = backoff.delay(session.failures());
            session.plan(
                    attempt,
                    time.after(
                            delay,
                            () -> connecting.execute(() -> {
                                int next = session.retry(attempt);
                                if (next != 0) {
                                    connect(session, next);
                                }
                            })),
                    false);
        });
    }

    /** Closes the link a transition let go of, and tells that the worker is lost if it was linked. */
    private void let(WorkerSession session, WorkerSession.Ended ended, String reason) {
        close(ended.link());
        if (ended.wasLinked()) {
            downs.fire(new WorkerDown(session.name(), reason));
        }
    }

    private static void close(WorkerLink link) {
        if (link != null) {
            try {
                link.close();
            } catch (RuntimeException e) {
                LOG.fine("Closing a worker link failed: " + e);
            }
        }
    }

    private void changed(String name) {
        changes.fire(new WorkerChanged(name));
    }

    @PreDestroy
    void closeAll() {
        sessions.values().forEach(s -> close(s.close().link()));
        sessions.clear();
        connecting.shutdownNow();
    }
}
