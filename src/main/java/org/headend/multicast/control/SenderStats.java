package org.headend.multicast.control;

import java.time.Instant;

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
        Instant lastSentAt) {}
