package org.headend.platform.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The processes of live streams as metrics: how many run in each role and state, and how often
 * each role was restarted; labelled by role and state only, never by stream, URL or key.
 */
@ApplicationScoped
public class ProcessMetrics {

    static final String PROCESSES = "headend_processes";
    static final String RESTARTS = "headend_process_restarts";

    @Inject
    MetricRegistry metrics;

    @Inject
    ProcessRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Metadata processes = Metadata.builder()
                .withName(PROCESSES)
                .withDescription("Processes that run for live streams, by role and state")
                .build();
        for (String role : ProcessRoles.all()) {
            for (ProcessState state : ProcessState.values()) {
                if (state != ProcessState.STOPPED) {
                    metrics.gauge(
                            processes,
                            registry,
                            r -> r.count(role, state),
                            new Tag("role", role),
                            new Tag("state", state.name()));
                }
            }
        }
    }

    void restarted(@Observes ProcessChanged change) {
        if (change.now().state() == ProcessState.RESTARTING && change.role() != null) {
            metrics.counter(
                            Metadata.builder()
                                    .withName(RESTARTS)
                                    .withDescription(
                                            "Restarts of stream processes after they ended or stalled, by role")
                                    .build(),
                            new Tag("role", change.role()))
                    .inc();
        }
    }
}
