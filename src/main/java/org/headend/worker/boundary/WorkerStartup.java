package org.headend.worker.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.headend.worker.control.WorkerPool;
import org.headend.worker.control.WorkerStore;

/**
 * At start, links every registered worker (in the background: a worker that does not answer delays
 * nothing), drained ones staying drained.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class WorkerStartup {

    @Inject
    WorkerStore store;

    @Inject
    WorkerPool pool;

    @PostConstruct
    void linkAll() {
        store.all().forEach(worker -> pool.register(worker.address(), worker.slots(), worker.isDrained()));
    }
}
