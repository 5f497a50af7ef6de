package org.headend.worker.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.AfterCommit;
import org.headend.platform.ApiException;
import org.headend.worker.control.WorkerPool;
import org.headend.worker.control.WorkerStore;
import org.headend.worker.entity.Worker;
import org.headend.worker.entity.WorkerStatus;

/**
 * Registering, changing, draining and removing workers, for the API and the console alike: every
 * field is checked before anything is stored, each change is audited (the host key by its type
 * only: it is public, but long), and the pool connects only once the change is committed.
 */
@RequestScoped
@Transactional
public class WorkerOperations {

    @Inject
    WorkerStore store;

    @Inject
    WorkerPool pool;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    public Worker create(WorkerRequest request) {
        WorkerRequest valid = request.validated();
        if (store.find(valid.name()).isPresent()) {
            throw ApiException.conflict("A worker named '" + valid.name() + "' is already registered.");
        }
        Worker worker = store.create(
                new Worker(valid.name(), valid.host(), valid.port(), valid.user(), valid.hostKey(), valid.slots()));
        audit.record(actors.current(), "worker.create", "worker", worker.name(), describe(worker));
        var address = worker.address();
        int slots = worker.slots();
        afterCommit.run(() -> pool.register(address, slots, false));
        return worker;
    }

    /** Changes what is given (null: stays); the link is made again with the new settings. */
    public Worker update(String name, WorkerRequest change) {
        Worker worker = existing(name);
        WorkerRequest valid = new WorkerRequest(
                        name,
                        orElse(change.host(), worker.host()),
                        orElse(change.port(), worker.port()),
                        orElse(change.user(), worker.user()),
                        orElse(change.hostKey(), worker.hostKey()),
                        orElse(change.slots(), worker.slots()))
                .validated();
        Worker changed = store.change(name, valid.host(), valid.port(), valid.user(), valid.hostKey(), valid.slots());
        audit.record(actors.current(), "worker.update", "worker", name, describe(changed));
        var address = changed.address();
        int slots = changed.slots();
        afterCommit.run(() -> pool.update(address, slots));
        return changed;
    }

    public void delete(String name) {
        Worker worker = existing(name);
        store.delete(name);
        audit.record(actors.current(), "worker.delete", "worker", name, describe(worker));
        afterCommit.run(() -> pool.remove(name));
    }

    /** Takes no new jobs; its jobs are placed elsewhere. Kept over a restart of the app. */
    public Worker drain(String name) {
        existing(name);
        Worker worker = store.drained(name, true);
        audit.record(actors.current(), "worker.drain", "worker", name, describe(worker));
        afterCommit.run(() -> pool.drain(name));
        return worker;
    }

    public Worker undrain(String name) {
        existing(name);
        Worker worker = store.drained(name, false);
        audit.record(actors.current(), "worker.undrain", "worker", name, describe(worker));
        afterCommit.run(() -> pool.undrain(name));
        return worker;
    }

    public Worker existing(String name) {
        if (!WorkerRequest.isName(name)) {
            throw ApiException.notFound("No such worker.");
        }
        return store.find(name).orElseThrow(() -> ApiException.notFound("No worker named '" + name + "'."));
    }

    public List<WorkerJson> list() {
        return store.all().stream().map(this::json).toList();
    }

    public WorkerJson json(Worker worker) {
        WorkerStatus status = pool.status(worker.name()).orElseGet(() -> WorkerStatus.connecting(worker.createdAt()));
        return WorkerJson.of(worker, status, pool.jobs(worker.name()));
    }

    private static <T> T orElse(T given, T current) {
        return given == null ? current : given;
    }

    private static String describe(Worker worker) {
        String keyType = worker.hostKey().split(" ").length > 2
                ? worker.hostKey().split(" ")[1]
                : worker.hostKey().split(" ")[0];
        return "address=" + worker.user() + "@" + worker.host() + ":" + worker.port() + " slots=" + worker.slots()
                + " hostKey=" + keyType + (worker.isDrained() ? " drained" : "");
    }
}
