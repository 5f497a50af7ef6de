package org.headend.origin.entity;

/**
 * What the last probe saw of an origin: nulls for what is not known yet (no HTTP status for the
 * local packager, whose playlist is read from disk; no pid for an external origin).
 */
public record OriginStatus(
        OriginHealth health,
        Integer lastHttpStatus,
        Long responseMillis,
        Long mediaSequence,
        Double segmentAgeSeconds,
        Long pid,
        boolean active,
        String lastError) {

    public static final OriginStatus UNPROBED =
            new OriginStatus(OriginHealth.UNKNOWN, null, null, null, null, null, false, null);
}
