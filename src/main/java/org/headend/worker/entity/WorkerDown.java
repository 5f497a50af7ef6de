package org.headend.worker.entity;

/**
 * A worker that was UP no longer is (its link was lost, it was deleted): what ran there must be
 * placed again. {@code reason} is in plain words and holds no secret.
 */
public record WorkerDown(String name, String reason) {}
