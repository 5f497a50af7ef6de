package org.headend.worker.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.worker.control.WorkerPool;
import org.headend.worker.entity.PlacementDecided;
import org.headend.worker.entity.WorkerChanged;
import org.headend.worker.entity.WorkerState;

/**
 * Per registered worker (label {@code worker}, its name): {@code headend_worker_up} (1 while linked,
 * UP or DRAINING), {@code headend_worker_jobs} and {@code headend_worker_load} (gauges, removed with
 * the worker); per host chosen and result, {@code headend_worker_placements_total}.
 */
@ApplicationScoped
public class WorkerMetrics {

    private static final Metadata UP = meta("headend_worker_up", "1 while the worker is linked (UP or DRAINING)");
    private static final Metadata JOBS = meta("headend_worker_jobs", "Processes of streams running on the worker");
    private static final Metadata LOAD = meta("headend_worker_load", "The worker's one-minute load average");
    private static final Metadata PLACEMENTS = meta(
            "headend_worker_placements",
            "Packagers given a host (worker: its name, 'local' or 'none'), by result: placed, pinned, moved, no-host");
    // Shown at 0 from the worker's registration: an alert on their rate needs the series to exist.
    private static final List<String> RESULTS =
            List.of(PlacementDecided.PLACED, PlacementDecided.PINNED, PlacementDecided.MOVED);

    @Inject
    MetricRegistry metrics;

    @Inject
    WorkerPool pool;

    private final Map<String, Tag> registered = new ConcurrentHashMap<>();

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    void changed(@Observes WorkerChanged change) {
        String name = change.name();
        if (pool.isRegistered(name)) {
            registered.computeIfAbsent(name, this::register);
        } else {
            Tag tag = registered.remove(name);
            if (tag != null) {
                for (Metadata metric : new Metadata[] {UP, JOBS, LOAD}) {
                    metrics.remove(new MetricID(metric.getName(), tag));
                }
                RESULTS.forEach(
                        result -> metrics.remove(new MetricID(PLACEMENTS.getName(), tag, new Tag("result", result))));
            }
        }
    }

    private Tag register(String name) {
        Tag tag = new Tag("worker", name);
        metrics.gauge(
                UP,
                pool,
                p -> p.status(name)
                        .map(s -> s.state() == WorkerState.DOWN ? 0 : 1)
                        .orElse(0),
                tag);
        metrics.gauge(JOBS, pool, p -> p.jobs(name), tag);
        metrics.gauge(
                LOAD,
                pool,
                p -> p.status(name)
                        .filter(s -> s.state() != WorkerState.DOWN)
                        .map(s -> s.capabilities().load())
                        .orElse(Double.NaN),
                tag);
        RESULTS.forEach(result -> metrics.counter(PLACEMENTS, tag, new Tag("result", result)));
        return tag;
    }

    void placed(@Observes PlacementDecided placement) {
        metrics.counter(PLACEMENTS, new Tag("worker", placement.worker()), new Tag("result", placement.result()))
                .inc();
    }
}
