package org.headend.platform.metrics;

import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A counter of attempts by {@code result} label, every known result registered up front so each
 * shows (at 0) from the first scrape: an alert on a rate of refusals needs the series to exist.
 */
public final class OutcomeCounter {

    private final MetricRegistry registry;
    private final Metadata metadata;

    public OutcomeCounter(MetricRegistry registry, String name, String description, List<String> results) {
        this.registry = registry;
        this.metadata =
                Metadata.builder().withName(name).withDescription(description).build();
        results.forEach(result -> registry.counter(metadata, tag(result)));
    }

    public void count(String result) {
        registry.counter(metadata, tag(result)).inc();
    }

    private static Tag tag(String result) {
        return new Tag("result", result);
    }
}
