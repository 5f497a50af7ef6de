package org.headend.recording.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.recording.control.RecordingStore;
import org.headend.recording.control.RecordingSupervisor;
import org.headend.recording.control.RetentionPlan;
import org.headend.recording.entity.RecordingState;
import org.headend.stream.boundary.StreamOperations;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;

/**
 * At start, finalises the recordings a crash left unfinished (after the leftover ffmpegs were
 * reaped); then, once shortly after start and every hour, applies retention and deletes expired
 * streams with their keys, as "system" in the audit log.
 */
@Singleton
@Startup
// Each deletion and clean-up commits on its own: one that fails must not undo the others.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DependsOn({"DatabaseMigrator", "NginxSupervisor"})
public class RecordingTimer {

    private static final Logger LOG = Logger.getLogger(RecordingTimer.class.getName());
    private static final double GB = 1e9;

    @Inject
    RecordingSupervisor supervisor;

    @Inject
    RecordingStore store;

    @Inject
    RecordingOperations recordings;

    @Inject
    StreamStore streams;

    @Inject
    StreamOperations streamOperations;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    @Inject
    @ConfigProperty(name = "headend.recording.retention.days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "headend.recording.max-gb", defaultValue = "50")
    double maxGb;

    @Resource
    TimerService timers;

    @PostConstruct
    void atStart() {
        supervisor.recover();
        timers.createSingleActionTimer(5_000, new TimerConfig("first clean-up", false));
    }

    @Timeout
    void first() {
        cleanUp();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        cleanUp();
    }

    private void cleanUp() {
        actors.actAsSystem();
        for (Stream expired : streams.expired(Instant.now())) {
            try {
                LOG.info(() -> "Stream " + expired.name() + " expired at " + expired.expiresAt() + "; deleting it");
                streamOperations.delete(expired.id(), true);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Cannot delete expired stream " + expired.name() + ": " + e);
            }
        }
        var finished = store.inStates(List.of(RecordingState.READY, RecordingState.FAILED)).stream()
                .map(r -> new RetentionPlan.Stored(r.id(), r.endedAt(), r.sizeBytes()))
                .toList();
        var doomed =
                RetentionPlan.toDelete(finished, Instant.now(), Duration.ofDays(retentionDays), (long) (maxGb * GB));
        for (String id : doomed) {
            try {
                recordings.delete(id);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Cannot delete recording " + id + " by retention: " + e);
            }
        }
        if (!doomed.isEmpty()) {
            LOG.info(() -> "Retention deleted " + doomed.size() + " recording(s)");
        }
    }
}
