package org.headend.multicast.entity;

import java.time.Instant;

/**
 * A sender's live figures: state and since when, what went out (counted since the app started it),
 * how smooth it is (inter-packet gap jitter, drift of the wire clock against the stream's PCR),
 * restarts of its source and the last error in plain words.
 */
public record MulticastStatus(
        MulticastState state,
        Instant since,
        long packets,
        long bytes,
        double bitrateBitsPerSecond,
        double jitterMillis,
        double pcrDriftMillis,
        long sourceRestarts,
        Instant lastSentAt,
        String lastError) {

    public static MulticastStatus of(MulticastState state) {
        return new MulticastStatus(state, Instant.now(), 0, 0, 0, 0, 0, 0, null, null);
    }
}
