package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.webrtc.control.WhipPublishers;

/**
 * WHIP publishing as metrics: {@code headend_webrtc_publishers}, the sessions open now, and
 * {@code headend_webrtc_sessions_total{kind="publish",result}}, every attempt by result. WHEP
 * counts its attempts in the same counter with {@code kind="play"}, under the same metadata.
 */
@ApplicationScoped
public class WhipMetrics {

    static final String ACCEPTED = "accepted";
    static final String UNAUTHORIZED = "unauthorized";
    static final String REFUSED = "refused";
    static final String FAILED = "failed";

    static final Metadata SESSIONS = Metadata.builder()
            .withName("headend_webrtc_sessions")
            .withDescription("WebRTC sessions by kind and outcome")
            .build();

    private static final Tag KIND = new Tag("kind", "publish");

    @Inject
    MetricRegistry metrics;

    @Inject
    WhipPublishers publishers;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String result : List.of(ACCEPTED, UNAUTHORIZED, REFUSED, FAILED)) {
            metrics.counter(SESSIONS, KIND, new Tag("result", result));
        }
        metrics.gauge(
                Metadata.builder()
                        .withName("headend_webrtc_publishers")
                        .withDescription("WHIP publishing sessions open on this node")
                        .build(),
                publishers,
                WhipPublishers::count);
    }

    void count(String result) {
        metrics.counter(SESSIONS, KIND, new Tag("result", result)).inc();
    }
}
