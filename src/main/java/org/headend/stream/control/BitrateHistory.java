package org.headend.stream.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The input bitrate of each live stream over the last minutes, for the dashboard's charts. */
@ApplicationScoped
public class BitrateHistory {

    static final int SAMPLES = 300;

    public record Sample(long epochSecond, long kbps) {}

    private final Map<String, Deque<Sample>> byStream = new ConcurrentHashMap<>();

    public void record(String streamId, long kbps, Instant at) {
        Deque<Sample> samples = byStream.computeIfAbsent(streamId, id -> new ArrayDeque<>());
        synchronized (samples) {
            samples.addLast(new Sample(at.getEpochSecond(), kbps));
            while (samples.size() > SAMPLES) {
                samples.removeFirst();
            }
        }
    }

    public List<Sample> samples(String streamId) {
        Deque<Sample> samples = byStream.get(streamId);
        if (samples == null) {
            return List.of();
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Forgets every stream not in the given set (they went offline or were deleted). */
    public void retainOnly(java.util.Set<String> liveIds) {
        byStream.keySet().retainAll(liveIds);
    }
}
