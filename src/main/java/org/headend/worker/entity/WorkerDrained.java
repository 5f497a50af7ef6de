package org.headend.worker.entity;

/** An operator drained the worker: its jobs move elsewhere, and it takes no new ones. */
public record WorkerDrained(String name) {}
