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
    private final String label;

    public OutcomeCounter(MetricRegistry registry, String name, String description, List<String> results) {
        this(registry, name, description, "result", results);
    }

    /** Counts by another label than {@code result}, e.g. a message {@code type}. */
    public OutcomeCounter(MetricRegistry registry, String name, String description, String label, List<String> values) {
        this.registry = registry;
        this.label = label;
        this.metadata =
                Metadata.builder().withName(name).withDescription(description).build();
        values.forEach(value -> registry.counter(metadata, tag(value)));
    }

    public void count(String value) {
        registry.counter(metadata, tag(value)).inc();
    }

    private Tag tag(String value) {
        return new Tag(label, value);
    }
}
