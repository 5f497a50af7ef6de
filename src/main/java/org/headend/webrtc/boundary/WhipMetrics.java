package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.webrtc.control.WhipPublishers;

/**
 * WHIP publishing as metrics: {@code headend_webrtc_publishers}, the sessions open now, and
 * {@code headend_webrtc_sessions_total{kind="publish",result}}, every attempt by result. WHEP
 * counts its attempts in the same counter with {@code kind="play"}, under the same metadata.
 */
@ApplicationScoped
public class WhipMetrics {

    static final String ACCEPTED = WebRtcSessionCounter.ACCEPTED;
    static final String UNAUTHORIZED = WebRtcSessionCounter.UNAUTHORIZED;
    static final String REFUSED = WebRtcSessionCounter.REFUSED;
    static final String FAILED = WebRtcSessionCounter.FAILED;

    private static final String PUBLISH = "publish";

    @Inject
    MetricRegistry metrics;

    @Inject
    WhipPublishers publishers;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        WebRtcSessionCounter.register(metrics, PUBLISH);
        metrics.gauge(
                Metadata.builder()
                        .withName("headend_webrtc_publishers")
                        .withDescription("WHIP publishing sessions open on this node")
                        .build(),
                publishers,
                WhipPublishers::count);
    }

    void count(String result) {
        WebRtcSessionCounter.count(metrics, PUBLISH, result);
    }
}
