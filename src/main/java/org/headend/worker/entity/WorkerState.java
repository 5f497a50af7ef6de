package org.headend.worker.entity;

/** A worker as placement sees it: taking jobs, unreachable, or being emptied by an operator. */
public enum WorkerState {
    UP,
    DOWN,
    DRAINING
}
