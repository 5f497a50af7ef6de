package org.headend.origin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.origin.control.OriginMonitor;
import org.headend.origin.control.OriginStore;
import org.headend.origin.entity.Origin;
import org.headend.stream.control.StreamStore;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * Probes the origins of every stream that has some, every {@code headend.origins.probe-interval}.
 * The timer is not persistent: probing belongs to the running node and starts again with it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OriginProbeTimer {

    private static final Logger LOG = Logger.getLogger(OriginProbeTimer.class.getName());

    @Inject
    @ConfigProperty(name = "headend.origins.probe-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    OriginStore origins;

    @Inject
    StreamStore streams;

    @Inject
    OriginMonitor monitor;

    @Inject
    TranscoderSupervisor transcoders;

    @Inject
    @ConfigProperty(name = "headend.origins.fast-interval", defaultValue = "PT0.25S")
    Duration fastInterval;

    @Resource
    TimerService timers;

    // Not an EJB timer: Payara delivers those at most once a second, and a confirmation is due sooner.
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> check;
    private Instant checkAt;

    // A round that outlasts the interval (slow origins) makes the next one skip, not queue.
    private final AtomicBoolean probing = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (interval.toMillis() < 100 || interval.toMinutes() > 10) {
            throw new IllegalStateException("headend.origins.probe-interval must be 0.1 s to 10 min, not " + interval);
        }
        if (fastInterval.toMillis() < 50 || fastInterval.compareTo(interval) > 0) {
            throw new IllegalStateException(
                    "headend.origins.fast-interval must be 50 ms to the probe interval, not " + fastInterval);
        }
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("origin probes", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<String, List<Origin>> byStream =
                    new HashMap<>(origins.all().stream().collect(Collectors.groupingBy(Origin::streamId)));
            // A redundant live stream is failed over between its packagers even without external origins.
            transcoders.redundantStreams().forEach(id -> byStream.putIfAbsent(id, List.of()));
            Map<String, String> names = new HashMap<>();
            for (String streamId : byStream.keySet()) {
                streams.find(streamId).ifPresent(s -> names.put(streamId, s.name()));
            }
            monitor.round(names, byStream);
        } catch (RuntimeException e) {
            LOG.warning("Origin probing round failed: " + e);
        } finally {
            probing.set(false);
            scheduleCheck();
        }
    }

    /** A check between rounds, unless the next round comes first or an earlier check is planned. */
    private synchronized void scheduleCheck() {
        try {
            monitor.nextCheck(fastInterval).ifPresent(at -> {
                // Rounded up: a check that comes before its moment finds nothing due.
                long delay = Math.max(0, (Duration.between(Instant.now(), at).toNanos() + 999_999) / 1_000_000);
                boolean planned = check != null && !check.isDone() && !at.isBefore(checkAt);
                if (planned || delay >= interval.toMillis()) {
                    return;
                }
                if (check != null) {
                    check.cancel(false);
                }
                checkAt = at;
                check = scheduler.schedule(this::check, delay, TimeUnit.MILLISECONDS);
            });
        } catch (RuntimeException e) {
            LOG.warning("Cannot plan an origin check: " + e);
        }
    }

    private void check() {
        synchronized (this) {
            check = null;
        }
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        try {
            monitor.check();
        } catch (RuntimeException e) {
            LOG.warning("Origin check failed: " + e);
        } finally {
            probing.set(false);
            scheduleCheck();
        }
    }
}
