package org.headend.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.platform.metrics.OutcomeCounter;

/** Publish attempts on the RTMP ingest, exported as {@code headend_publishes_total{result}}. */
@ApplicationScoped
public class IngestMetrics {

    static final String ACCEPTED = "accepted";
    static final String REFUSED = "refused";

    @Inject
    MetricRegistry metrics;

    private OutcomeCounter publishes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        publishes = new OutcomeCounter(
                metrics,
                "headend_publishes",
                "Publish attempts on the RTMP ingest, by result",
                List.of(ACCEPTED, REFUSED));
    }

    void count(String result) {
        publishes.count(result);
    }
}
