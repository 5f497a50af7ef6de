package org.headend.origin.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.transcode.control.Packager;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * Looks at the local packagers' progress between probes, every 100 ms: a frozen packager (alive,
 * silent) is failed as soon as its silence passes {@code headend.origins.packager-stall}, as an
 * exit is, instead of at the next probing round.
 */
@ApplicationScoped
public class PackagerWatch {

    private static final Logger LOG = Logger.getLogger(PackagerWatch.class.getName());
    private static final long LOOK_MILLIS = 100;

    @Inject
    @ConfigProperty(name = "headend.origins.packager-stall", defaultValue = "PT0.75S")
    Duration packagerStall;

    @Inject
    OriginMonitor monitor;

    @Inject
    TranscoderSupervisor transcoders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Packagers already failed for this silence, as "streamId/originId": failed once, not every look. */
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();

    private ScheduledFuture<?> looking;

    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Creating the bean starts the looking.
    }

    @PostConstruct
    void start() {
        looking = scheduler.scheduleAtFixedRate(this::lookSafely, LOOK_MILLIS, LOOK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (looking != null) {
            looking.cancel(false);
        }
    }

    void look() {
        var watched = monitor.watchedStreams();
        stalled.removeIf(key -> !watched.containsKey(key.substring(0, key.indexOf('/'))));
        watched.forEach((streamId, name) -> {
            for (Packager packager : transcoders.packagers(streamId)) {
                String id = packager.backup() ? OriginSource.LOCAL_BACKUP : OriginSource.LOCAL;
                String key = streamId + "/" + id;
                boolean silent =
                        packager.pid() != null && packager.sinceProgress().compareTo(packagerStall) > 0;
                if (!silent) {
                    stalled.remove(key);
                } else if (stalled.add(key)) {
                    LOG.info(() -> "The " + id + " packager of " + name + " reported no progress for "
                            + packager.sinceProgress().toMillis() + " ms; failing it now");
                    monitor.failPackagerNow(streamId, name, id);
                }
            }
        });
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            // A failed look must not end the periodic task: the next one looks again.
            LOG.warning("Watching the packagers failed: " + e);
        }
    }
}
