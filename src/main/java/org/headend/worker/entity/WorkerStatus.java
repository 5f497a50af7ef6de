package org.headend.worker.entity;

import java.time.Instant;

/**
 * A worker's link as the pool sees it now: its state since when, the reason in plain words
 * ("connecting", "connection refused", "drained by an operator"), the last error met (kept after
 * it recovers, for the operator) and what the worker can do.
 */
public record WorkerStatus(
        WorkerState state, String reason, String lastError, Instant since, WorkerCapabilities capabilities) {

    public static WorkerStatus connecting(Instant now) {
        return new WorkerStatus(WorkerState.DOWN, "connecting", null, now, WorkerCapabilities.UNKNOWN);
    }
}
