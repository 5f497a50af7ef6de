package org.headend.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.ingest.control.InputListeners;
import org.headend.platform.metrics.OutcomeCounter;
import org.headend.stream.entity.InputType;
import org.headend.stream.entity.ListenerState;

/**
 * Publish attempts on the RTMP ingest, exported as {@code headend_publishes_total{result}}, and the
 * SRT/UDP listeners as {@code headend_input_listeners{type,state}}.
 */
@ApplicationScoped
public class IngestMetrics {

    static final String ACCEPTED = "accepted";
    static final String REFUSED = "refused";

    @Inject
    MetricRegistry metrics;

    @Inject
    InputListeners listeners;

    private OutcomeCounter publishes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        publishes = new OutcomeCounter(
                metrics,
                "headend_publishes",
                "Publish attempts on the RTMP ingest, by result",
                List.of(ACCEPTED, REFUSED));
        var inputListeners = Metadata.builder()
                .withName("headend_input_listeners")
                .withDescription("SRT and UDP input listeners, by input type and state")
                .build();
        for (InputType type : List.of(InputType.SRT, InputType.UDP)) {
            for (ListenerState state : ListenerState.values()) {
                metrics.gauge(
                        inputListeners,
                        listeners,
                        l -> l.count(type, state),
                        new Tag("type", type.id()),
                        new Tag("state", state.name()));
            }
        }
    }

    void count(String result) {
        publishes.count(result);
    }
}
