package org.headend.origin.boundary;

import org.headend.origin.control.OriginSource;
import org.headend.origin.entity.OriginStatus;

/**
 * An origin as the API shows it, with what its last probe saw. {@code url} is null for the local
 * packager; {@code preferred} marks an operator's manual choice.
 */
public record OriginJson(
        String id,
        String name,
        String url,
        int priority,
        boolean local,
        String health,
        boolean active,
        boolean preferred,
        Integer lastHttpStatus,
        Long responseTimeMs,
        Long mediaSequence,
        Double segmentAgeSeconds,
        Long pid,
        String lastError) {

    static OriginJson of(OriginSource source, OriginStatus status, boolean preferred) {
        return new OriginJson(
                source.id(),
                source.name(),
                source.url() == null ? null : source.url().toString(),
                source.priority(),
                source.local(),
                status.health().name(),
                status.active(),
                preferred,
                status.lastHttpStatus(),
                status.responseMillis(),
                status.mediaSequence(),
                status.segmentAgeSeconds(),
                source.local() ? source.pid() : null,
                status.lastError());
    }
}
