package org.headend.stream.entity;

import java.time.Instant;

/** Fired when a stream is created or deleted; the console push observes it. */
public record StreamCatalogChanged(String streamId, String name, Change change, Instant at) {

    public enum Change {
        CREATED,
        DELETED
    }
}
