package org.headend.webhook.control;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.webhook.entity.EventType;

/**
 * Decides which output state changes a receiver hears about. An incident begins when a LIVE output
 * loses its destination or its ffmpeg (to RETRYING or FAILED), or when an output gives up (FAILED)
 * without ever having been live; it is announced once with {@code output.failed}, however many
 * retries follow, and ends with {@code output.recovered} when the output is LIVE again. Without
 * this, a destination down for an hour would send a failure per retry.
 */
public final class OutputIncidents {

    /** Outputs in an announced incident; kept in memory, so a restart forgets them. */
    private final Set<String> open = ConcurrentHashMap.newKeySet();

    public Optional<EventType> eventFor(OutputStateChanged change) {
        String id = change.outputId();
        if (change.to() == OutputState.LIVE) {
            return open.remove(id) ? Optional.of(EventType.OUTPUT_RECOVERED) : Optional.empty();
        }
        boolean lostWhileLive = change.from() == OutputState.LIVE
                && (change.to() == OutputState.RETRYING || change.to() == OutputState.FAILED);
        boolean gaveUp = change.to() == OutputState.FAILED;
        if ((lostWhileLive || gaveUp) && open.add(id)) {
            return Optional.of(EventType.OUTPUT_FAILED);
        }
        return Optional.empty();
    }
}
