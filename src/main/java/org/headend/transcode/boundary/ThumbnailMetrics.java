package org.headend.transcode.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.platform.metrics.OutcomeCounter;

/** Counts thumbnail requests, API and console alike, by whether a fresh frame was served. */
@ApplicationScoped
public class ThumbnailMetrics {

    static final String SERVED = "served";
    static final String MISSING = "missing";

    @Inject
    MetricRegistry metrics;

    private OutcomeCounter results;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        results = new OutcomeCounter(
                metrics,
                "headend_thumbnails_total",
                "Thumbnail requests, by whether a fresh frame was served",
                List.of(SERVED, MISSING));
    }

    void count(String result) {
        if (results != null) {
            results.count(result);
        }
    }
}
