package org.headend.stream.entity;

import java.time.Instant;

/** An input listener's runtime figures; {@code lastError} is in plain words, secrets masked. */
public record ListenerStatus(
        ListenerState state, Instant since, long bitrateKbps, long bytesReceived, int restarts, String lastError) {

    public static ListenerStatus listening() {
        return new ListenerStatus(ListenerState.LISTENING, Instant.now(), 0, 0, 0, null);
    }
}
