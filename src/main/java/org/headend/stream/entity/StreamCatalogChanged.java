package org.headend.stream.entity;

import java.time.Instant;

/**
 * Fired when a stream is created or deleted, or takes its input from elsewhere; the console push
 * and the input listeners observe it.
 */
public record StreamCatalogChanged(String streamId, String name, Change change, Instant at) {

    public enum Change {
        CREATED,
        DELETED,
        INPUT_CHANGED
    }
}
