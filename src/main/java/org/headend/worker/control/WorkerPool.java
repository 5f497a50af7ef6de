package org.headend.worker.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The registered workers and their links: connects each, reconnects with backoff, probes what it
 * can do and polls its load, and knows its state (UP, DOWN, DRAINING) with the reason in plain
 * words. Fires {@code WorkerDown} when an UP worker is lost and {@code WorkerDrained} on a drain.
 */
@ApplicationScoped
public class WorkerPool {

    /** Workers that take new jobs now: linked (UP) and not draining. */
    public List<WorkerHost> available() {
        return List.of();
    }

    /** A worker by name, while it is linked (UP or DRAINING). */
    public Optional<WorkerHost> linked(String name) {
        return Optional.empty();
    }

    /** The linked worker this node sees at that address (the remote end of its link), if any. */
    public Optional<WorkerHost> atAddress(String address) {
        return Optional.empty();
    }

    /** Whether a worker of that name is registered, whatever its state. */
    public boolean isRegistered(String name) {
        return false;
    }
}
