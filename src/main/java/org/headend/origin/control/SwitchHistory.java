package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.headend.origin.entity.OriginSwitched;
import org.headend.stream.entity.StreamCatalogChanged;

/**
 * The last switches of each stream between origins, newest first, for the stream page and the
 * API: what an operator asks after a failover ("when, from what, to what, why"). Kept in memory:
 * the metrics keep the long-term counts.
 */
@ApplicationScoped
public class SwitchHistory {

    static final int KEPT = 50;

    private final Map<String, Deque<OriginSwitched>> byStream = new ConcurrentHashMap<>();

    void switched(@Observes OriginSwitched change) {
        Deque<OriginSwitched> history = byStream.computeIfAbsent(change.streamId(), id -> new ArrayDeque<>());
        synchronized (history) {
            history.addFirst(change);
            if (history.size() > KEPT) {
                history.removeLast();
            }
        }
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.DELETED) {
            byStream.remove(change.streamId());
        }
    }

    public List<OriginSwitched> of(String streamId) {
        Deque<OriginSwitched> history = byStream.get(streamId);
        if (history == null) {
            return List.of();
        }
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
