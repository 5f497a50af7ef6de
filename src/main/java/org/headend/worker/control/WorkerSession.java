package org.headend.worker.control;

import java.time.Instant;
import java.util.Optional;
import org.headend.platform.process.Scheduling.Cancellable;
import org.headend.worker.entity.WorkerAddress;
import org.headend.worker.entity.WorkerCapabilities;
import org.headend.worker.entity.WorkerState;
import org.headend.worker.entity.WorkerStatus;

/**
 * One registered worker's link and state, with the transitions between them; the pool does the
 * connecting. Every connection attempt has a number of its own: a connect, a loss or a load
 * reading of an earlier attempt (before a retry, a change or a removal) is ignored rather than
 * undoing what came after, so the loss of a link already replaced never downs its successor.
 */
final class WorkerSession {

    static final String CONNECTED = "connected";
    static final String DRAINED = "drained by an operator";

    private final String name;
    private WorkerAddress address;
    private int slots;
    private boolean drained;
    private int attempt;
    private int failures;
    private WorkerStatus status;
    private WorkerLink link;
    private WorkerHost host;
    private Cancellable pending;
    private Cancellable polling;

    WorkerSession(WorkerAddress address, int slots, boolean drained, Instant now) {
        this.name = address.name();
        this.address = address;
        this.slots = slots;
        this.drained = drained;
        this.status = WorkerStatus.connecting(now);
    }

    /**
     * What a transition ended: whether the worker was linked before it, the link it let go (to be
     * closed), and the number of the attempt to make next (0: none).
     */
    record Ended(boolean wasLinked, WorkerLink link, int next) {}

    /**
     * Starts afresh (registration, a change of address or slots): earlier attempts become stale;
     * the link in use, if any, is handed back to be closed.
     */
    synchronized Ended reconnect(WorkerAddress newAddress, int newSlots, Instant now) {
        Ended ended = unlink();
        this.address = newAddress;
        this.slots = newSlots;
        failures = 0;
        status = new WorkerStatus(WorkerState.DOWN, "connecting", status.lastError(), now, status.capabilities());
        return new Ended(ended.wasLinked(), ended.link(), ++attempt);
    }

    /** New slots on the same address: the link stays. */
    synchronized void resize(int newSlots) {
        slots = newSlots;
        if (host != null) {
            host = new WorkerHost(
                    host.name(),
                    newSlots,
                    host.capabilities(),
                    host.launcher(),
                    host.nodeAddress(),
                    host.workerAddress());
        }
    }

    /** The retry planned after attempt {@code after} failed: the new attempt's number, or 0 when stale. */
    synchronized int retry(int after) {
        return after == attempt ? ++attempt : 0;
    }

    /** Attempt {@code of} linked the worker; false when it is stale (close the link). */
    synchronized boolean up(int of, WorkerLink newLink, WorkerHost newHost, Instant now) {
        if (of != attempt) {
            return false;
        }
        link = newLink;
        host = newHost;
        failures = 0;
        status = new WorkerStatus(
                drained ? WorkerState.DRAINING : WorkerState.UP,
                drained ? DRAINED : CONNECTED,
                status.lastError(),
                now,
                newHost.capabilities());
        return true;
    }

    /**
     * Attempt {@code of} failed, or its link was lost: DOWN with the reason, and {@link #failures()}
     * counts it (for the backoff). Empty when stale.
     */
    synchronized Optional<Ended> down(int of, String reason, Instant now) {
        if (of != attempt) {
            return Optional.empty();
        }
        Ended ended = unlink();
        failures++;
        status = new WorkerStatus(WorkerState.DOWN, reason, reason, now, status.capabilities());
        return Optional.of(ended);
    }

    /** Removed: every attempt stale for good, and the link handed back to be closed. */
    synchronized Ended close() {
        attempt++;
        return unlink();
    }

    private Ended unlink() {
        boolean wasLinked = status.state() != WorkerState.DOWN;
        WorkerLink was = link;
        link = null;
        host = null;
        cancel();
        return new Ended(wasLinked, was, 0);
    }

    /** Takes no new jobs from now on; true when the state moved (an UP worker is DRAINING). */
    synchronized boolean drain(Instant now) {
        drained = true;
        if (status.state() != WorkerState.UP) {
            return false;
        }
        status = new WorkerStatus(WorkerState.DRAINING, DRAINED, status.lastError(), now, status.capabilities());
        return true;
    }

    /** Takes jobs again; true when the state moved (a DRAINING worker is UP). */
    synchronized boolean undrain(Instant now) {
        drained = false;
        if (status.state() != WorkerState.DRAINING) {
            return false;
        }
        status = new WorkerStatus(WorkerState.UP, CONNECTED, status.lastError(), now, status.capabilities());
        return true;
    }

    /** A load reading over attempt {@code of}'s link; false when stale or no longer linked. */
    synchronized boolean load(int of, double load) {
        if (of != attempt || host == null) {
            return false;
        }
        WorkerCapabilities capabilities = status.capabilities().withLoad(load);
        host = new WorkerHost(
                host.name(), host.slots(), capabilities, host.launcher(), host.nodeAddress(), host.workerAddress());
        status = new WorkerStatus(status.state(), status.reason(), status.lastError(), status.since(), capabilities);
        return true;
    }

    /** The retry or the load polling planned for attempt {@code of}, cancelled when it ends. */
    synchronized void plan(int of, Cancellable work, boolean isPolling) {
        if (of != attempt) {
            work.cancel();
        } else if (isPolling) {
            polling = work;
        } else {
            pending = work;
        }
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (polling != null) {
            polling.cancel();
            polling = null;
        }
    }

    String name() {
        return name;
    }

    synchronized int attempt() {
        return attempt;
    }

    synchronized int failures() {
        return failures;
    }

    synchronized WorkerAddress address() {
        return address;
    }

    synchronized int slots() {
        return slots;
    }

    synchronized WorkerStatus status() {
        return status;
    }

    synchronized boolean isDrained() {
        return drained;
    }

    synchronized Optional<WorkerLink> link() {
        return Optional.ofNullable(link);
    }

    /** The worker while linked (UP or DRAINING). */
    synchronized Optional<WorkerHost> host() {
        return Optional.ofNullable(host);
    }

    /** Linked and taking new jobs. */
    synchronized boolean isAvailable() {
        return host != null && status.state() == WorkerState.UP;
    }
}
