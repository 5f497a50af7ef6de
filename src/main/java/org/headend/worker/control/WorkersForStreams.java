package org.headend.worker.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.headend.stream.control.StreamWorkers;

/** Lets a stream be pinned to a registered worker, whatever its state now. */
@ApplicationScoped
public class WorkersForStreams implements StreamWorkers {

    @Inject
    WorkerPool pool;

    @Override
    public boolean exists(String name) {
        return pool.isRegistered(name);
    }

    @Override
    public java.util.List<String> names() {
        return pool.names();
    }
}
