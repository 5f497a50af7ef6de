package org.headend.recording.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.platform.metrics.OutcomeCounter;
import org.headend.recording.control.RecordingStore;
import org.headend.recording.control.RecordingSupervisor;
import org.headend.recording.entity.RecordingFinished;
import org.headend.recording.entity.RecordingRestarted;

/**
 * Recording figures: how many record now, how they ended, how often their ffmpeg was restarted,
 * and the bytes finished ones keep on disk.
 */
@ApplicationScoped
public class RecordingMetrics {

    @Inject
    MetricRegistry metrics;

    @Inject
    RecordingSupervisor supervisor;

    @Inject
    RecordingStore store;

    private static final Logger LOG = Logger.getLogger(RecordingMetrics.class.getName());

    private OutcomeCounter results;
    private OutcomeCounter restarts;
    private volatile long lastStoredBytes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(
                describe("headend_recordings_active", "Recordings being written now"), supervisor, s -> s.active());
        metrics.gauge(
                describe("headend_recording_bytes", "Bytes held by READY recordings"), this, m -> m.storedBytes());
        results = new OutcomeCounter(
                metrics, "headend_recordings_total", "Recordings finalised, by result", List.of("ready", "failed"));
        restarts = new OutcomeCounter(
                metrics,
                "headend_recording_restarts_total",
                "Recording ffmpeg restarts under a live stream, by cause",
                "cause",
                List.of(RecordingRestarted.EXITED, RecordingRestarted.STALLED));
    }

    void onRestarted(@Observes RecordingRestarted restart) {
        if (restarts != null) {
            restarts.count(restart.cause());
        }
    }

    void onFinished(@Observes RecordingFinished finished) {
        if (results != null) {
            results.count(finished.state().toLowerCase());
        }
    }

    /** Read at each scrape; a database that cannot answer must not break the whole /metrics page. */
    private long storedBytes() {
        try {
            lastStoredBytes = store.storedBytes();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Stored recording bytes unavailable: " + e);
        }
        return lastStoredBytes;
    }

    private static Metadata describe(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
