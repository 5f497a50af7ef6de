package org.headend.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Registers the publish counters at start, so both results show from the first scrape. */
@ApplicationScoped
public class IngestMetrics {

    /** Exported as {@code headend_publishes_total{result="accepted"|"refused"}}. */
    public static final String PUBLISHES = "headend_publishes";

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var metadata = Metadata.builder()
                .withName(PUBLISHES)
                .withDescription("Publish attempts on the RTMP ingest, by result")
                .build();
        metrics.counter(metadata, new Tag("result", "accepted"));
        metrics.counter(metadata, new Tag("result", "refused"));
    }
}
