package org.headend.recording.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which finished recordings retention deletes: every one older than the retention period, then the
 * oldest of the rest while together they hold more than the allowed bytes.
 */
public final class RetentionPlan {

    /** A finished recording as retention sees it; {@code endedAt} may be null (then it counts as oldest). */
    public record Stored(String id, Instant endedAt, long bytes) {}

    private RetentionPlan() {}

    public static List<String> toDelete(List<Stored> finished, Instant now, Duration maxAge, long maxBytes) {
        Instant cutoff = now.minus(maxAge);
        List<Stored> oldestFirst = finished.stream()
                .sorted(Comparator.comparing(s -> s.endedAt() == null ? Instant.MIN : s.endedAt()))
                .toList();
        List<String> delete = new ArrayList<>();
        long kept = 0;
        List<Stored> keep = new ArrayList<>();
        for (Stored s : oldestFirst) {
            if (s.endedAt() == null || s.endedAt().isBefore(cutoff)) {
                delete.add(s.id());
            } else {
                keep.add(s);
                kept += s.bytes();
            }
        }
        for (Stored s : keep) {
            if (kept <= maxBytes) {
                break;
            }
            delete.add(s.id());
            kept -= s.bytes();
        }
        return delete;
    }
}
