package org.headend.origin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.origin.control.OriginMonitor;
import org.headend.origin.entity.OriginHealth;
import org.headend.origin.entity.OriginProbeFailed;
import org.headend.origin.entity.OriginStatus;
import org.headend.origin.entity.OriginSwitched;
import org.headend.origin.entity.OriginsChanged;
import org.headend.origin.entity.SwitchKind;

/**
 * Per origin of a watched stream: {@code headend_origin_up}, {@code headend_origin_active},
 * {@code headend_origin_segment_age_seconds} (gauges, removed with the origin); per stream:
 * {@code headend_failovers_total}, {@code headend_switchbacks_total}; per origin and error class:
 * {@code headend_origin_http_errors_total}. Labels carry names, never URLs.
 */
@ApplicationScoped
public class OriginMetrics {

    private static final Metadata UP = Metadata.builder()
            .withName("headend_origin_up")
            .withDescription("1 while the origin is healthy (after the hysteresis)")
            .build();
    private static final Metadata ACTIVE = Metadata.builder()
            .withName("headend_origin_active")
            .withDescription("1 on the origin players are given")
            .build();
    private static final Metadata AGE = Metadata.builder()
            .withName("headend_origin_segment_age_seconds")
            .withDescription("Age of the origin's newest segment, from when Headend first saw it")
            .build();
    private static final Metadata FAILOVERS = Metadata.builder()
            .withName("headend_failovers")
            .withDescription("Times playback left a failed origin")
            .build();
    private static final Metadata SWITCHBACKS = Metadata.builder()
            .withName("headend_switchbacks")
            .withDescription("Times playback returned to a preferred origin that recovered")
            .build();
    private static final Metadata HTTP_ERRORS = Metadata.builder()
            .withName("headend_origin_http_errors")
            .withDescription("Probes of an external origin that got no usable playlist, by class")
            .build();

    @Inject
    MetricRegistry metrics;

    @Inject
    OriginMonitor monitor;

    // stream id → origin id → the tags its gauges were registered with
    private final Map<String, Map<String, Tag[]>> registered = new ConcurrentHashMap<>();

    void changed(@Observes OriginsChanged change) {
        Map<String, String> now = monitor.origins(change.streamId());
        Map<String, Tag[]> before = registered.computeIfAbsent(change.streamId(), id -> new HashMap<>());
        synchronized (before) {
            before.entrySet().removeIf(e -> {
                if (now.containsKey(e.getKey())) {
                    return false;
                }
                for (Metadata gauge : new Metadata[] {UP, ACTIVE, AGE}) {
                    metrics.remove(new MetricID(gauge.getName(), e.getValue()));
                }
                return true;
            });
            now.forEach((originId, originName) -> before.computeIfAbsent(
                    originId, id -> register(change.streamId(), change.streamName(), id, originName)));
        }
        metrics.counter(FAILOVERS, new Tag("stream", change.streamName()));
        metrics.counter(SWITCHBACKS, new Tag("stream", change.streamName()));
    }

    private Tag[] register(String streamId, String streamName, String originId, String originName) {
        Tag[] tags = {new Tag("stream", streamName), new Tag("origin", originName)};
        metrics.gauge(UP, monitor, m -> m.status(streamId, originId).health() == OriginHealth.UP ? 1 : 0, tags);
        metrics.gauge(ACTIVE, monitor, m -> m.status(streamId, originId).active() ? 1 : 0, tags);
        metrics.gauge(AGE, monitor, m -> age(m.status(streamId, originId)), tags);
        return tags;
    }

    private static double age(OriginStatus status) {
        return status.segmentAgeSeconds() == null ? Double.NaN : status.segmentAgeSeconds();
    }

    void switched(@Observes OriginSwitched change) {
        if (change.kind() == SwitchKind.FAILOVER) {
            metrics.counter(FAILOVERS, new Tag("stream", change.streamName())).inc();
        } else if (change.kind() == SwitchKind.SWITCHBACK) {
            metrics.counter(SWITCHBACKS, new Tag("stream", change.streamName())).inc();
        }
    }

    void probeFailed(@Observes OriginProbeFailed failure) {
        metrics.counter(
                        HTTP_ERRORS,
                        new Tag("stream", failure.streamName()),
                        new Tag("origin", failure.origin()),
                        new Tag("class", failure.errorClass()))
                .inc();
    }
}
