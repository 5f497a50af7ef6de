package org.headend.output.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.output.control.OutputSupervisor;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;

/**
 * {@code headend_outputs{state}}: running outputs by state; {@code headend_output_failures_total}:
 * times an output lost its destination or its ffmpeg (entered RETRYING or FAILED).
 */
@ApplicationScoped
public class OutputMetrics {

    private static final Metadata FAILURES = Metadata.builder()
            .withName("headend_output_failures")
            .withDescription("Times an output lost its destination or its ffmpeg")
            .build();

    @Inject
    MetricRegistry metrics;

    @Inject
    OutputSupervisor supervisor;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var outputs = Metadata.builder()
                .withName("headend_outputs")
                .withDescription("Running outputs, by state")
                .build();
        for (OutputState state :
                new OutputState[] {OutputState.CONNECTING, OutputState.LIVE, OutputState.RETRYING, OutputState.FAILED
                }) {
            metrics.gauge(outputs, supervisor, s -> s.count(state), new Tag("state", state.name()));
        }
        metrics.counter(FAILURES);
    }

    void stateChanged(@Observes OutputStateChanged change) {
        if (change.to() == OutputState.RETRYING || change.to() == OutputState.FAILED) {
            metrics.counter(FAILURES).inc();
        }
    }
}
