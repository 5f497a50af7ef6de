package org.headend.output.entity;

import java.time.Instant;

/**
 * Fired whenever an output moves from one state to another; console push, metrics and webhooks
 * ({@code output.failed}, {@code output.recovered}) observe it. {@code lastError} is in plain
 * words with any credential of the URL masked.
 */
public record OutputStateChanged(
        String outputId,
        String streamId,
        String streamName,
        String outputName,
        OutputState from,
        OutputState to,
        String lastError,
        Instant at) {}
