package org.headend.multicast.control;

import java.time.Instant;
import org.headend.multicast.entity.MulticastState;
import org.headend.multicast.entity.MulticastStatus;

/**
 * A snapshot of one sender's figures. bitrate over the last second or so; jitter and drift in milliseconds.
 * packets counts datagrams, bytes their UDP payload (RTP header included). lastSentAt is null before the first
 * datagram.
 */
public record SenderStats(
        long packets,
        long bytes,
        double bitrateBitsPerSecond,
        double jitterMillis,
        double pcrDriftMillis,
        long sourceRestarts,
        Instant lastSentAt) {

    /** The figures with the sender's state, as the API and the console show them. */
    public MulticastStatus status(MulticastState state, Instant since, String lastError) {
        return new MulticastStatus(
                state,
                since,
                packets,
                bytes,
                bitrateBitsPerSecond,
                jitterMillis,
                pcrDriftMillis,
                sourceRestarts,
                lastSentAt,
                lastError);
    }
}
