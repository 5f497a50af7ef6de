package org.headend.worker.entity;

/**
 * Something about a worker changed: its state, reason, capabilities, load or jobs, or it was
 * registered, changed or removed. Console push and metrics read the worker again on it.
 */
public record WorkerChanged(String name) {}
