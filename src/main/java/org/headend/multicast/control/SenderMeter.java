package org.headend.multicast.control;

import java.time.Instant;

/**
 * One sender's running figures, written by its sending thread and read by any other.
 *
 * <p>Jitter is the inter-packet gap jitter of RFC 3550 (6.4.1) taken at the sender: for consecutive paced datagrams,
 * D = (actual gap) - (scheduled gap), and J += (|D| - J) / 16. It shows how well the wire follows the PCR schedule,
 * whatever the stream's own bitrate variations. Drift is how far the last datagram went out behind the stream's
 * clock since it was last anchored (a run's start or a PCR jump): positive when the source delivers late.
 */
final class SenderMeter {

    private static final long BUCKET_NANOS = 100_000_000L;
    private static final int BUCKETS = 10; // one second of 100 ms buckets, plus the one being filled

    private static final long DEVIATION_STEP_NANOS = 10_000L;

    /** |D| in 10 us steps up to 100 ms, the last slot holding everything above: for percentiles. */
    private final long[] deviations = new long[10_001];

    private long deviationCount;
    private final long[] bucketIndex = new long[BUCKETS + 1];
    private final long[] bucketBytes = new long[BUCKETS + 1];
    private long packets;
    private long bytes;
    private long restarts;
    private long runs;
    private double jitterNanos;
    private long driftNanos;
    private long lastSentNanos;
    private long lastScheduled = Long.MIN_VALUE;
    private long lastActual;

    synchronized void runStarted() {
        if (runs++ > 0) {
            restarts++;
        }
        lastScheduled = Long.MIN_VALUE; // no gap is measured across a restart
    }

    /** A datagram went out at actual; scheduled is Long.MIN_VALUE when it was not paced. */
    synchronized void sent(int size, long scheduled, long actual, long drift) {
        packets++;
        bytes += size;
        long index = actual / BUCKET_NANOS;
        int slot = (int) Math.floorMod(index, (long) bucketIndex.length);
        if (bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            bucketBytes[slot] = 0;
        }
        bucketBytes[slot] += size;
        if (scheduled != Long.MIN_VALUE) {
            if (lastScheduled != Long.MIN_VALUE) {
                long d = (actual - lastActual) - (scheduled - lastScheduled);
                jitterNanos += (Math.abs(d) - jitterNanos) / 16;
                deviations[(int) Math.min(deviations.length - 1, Math.abs(d) / DEVIATION_STEP_NANOS)]++;
                deviationCount++;
            }
            lastScheduled = scheduled;
            lastActual = actual;
            driftNanos = drift;
        } else {
            lastScheduled = Long.MIN_VALUE;
        }
        lastSentNanos = actual;
    }

    /** The q-quantile of |D| in milliseconds (upper edge of its 10 us step); 0 before two paced datagrams. */
    synchronized double gapDeviationMillis(double q) {
        long rank = (long) Math.ceil(q * deviationCount);
        long seen = 0;
        for (int i = 0; i < deviations.length; i++) {
            seen += deviations[i];
            if (seen >= rank && seen > 0) {
                return (i + 1) * DEVIATION_STEP_NANOS / 1e6;
            }
        }
        return 0;
    }

    synchronized SenderStats snapshot(long nowNanos, Instant now) {
        long current = nowNanos / BUCKET_NANOS;
        long window = 0;
        for (int i = 0; i < bucketIndex.length; i++) {
            if (bucketIndex[i] >= current - BUCKETS && bucketIndex[i] < current) {
                window += bucketBytes[i];
            }
        }
        Instant last = packets == 0 ? null : now.minusNanos(nowNanos - lastSentNanos);
        return new SenderStats(
                packets,
                bytes,
                window * 8.0 * 1e9 / (BUCKETS * BUCKET_NANOS),
                jitterNanos / 1e6,
                driftNanos / 1e6,
                restarts,
                last);
    }
}
