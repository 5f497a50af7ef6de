package org.headend.output.entity;

import java.time.Instant;

/** An output's live figures: its state and since when, throughput, restarts and the last error. */
public record OutputStatus(
        OutputState state, Instant since, long bitrateKbps, long bytesSent, int restarts, String lastError) {

    public static OutputStatus of(OutputState state) {
        return new OutputStatus(state, Instant.now(), 0, 0, 0, null);
    }
}
