package org.headend.origin.control;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each stitched variant with the closest variant of an origin's master playlist: the same
 * picture height first (then the nearest bandwidth among those), else the nearest height, else
 * the nearest bandwidth, else the same rank. Every stitched variant gets one, so a player on any
 * quality keeps playing when the origin offers fewer.
 */
public final class VariantMatcher {

    private VariantMatcher() {}

    /** Stitched variant name → the origin's variant it plays from; empty when the origin offers none. */
    public static Map<String, Variant> match(StitchLayout layout, List<Variant> offered) {
        Map<String, Variant> matched = new LinkedHashMap<>();
        if (offered.isEmpty()) {
            return matched;
        }
        List<Variant> wanted = layout.variants();
        for (int i = 0; i < wanted.size(); i++) {
            matched.put(wanted.get(i).uri(), closest(wanted.get(i), i, offered));
        }
        return matched;
    }

    private static Variant closest(Variant wanted, int rank, List<Variant> offered) {
        if (wanted.attributes().equals(StitchLayout.UNKNOWN)) {
            return offered.get(Math.min(rank, offered.size() - 1));
        }
        int height = wanted.height();
        long bandwidth = wanted.bandwidth();
        boolean heights = height > 0 && offered.stream().allMatch(v -> v.height() > 0);
        if (heights) {
            return offered.stream()
                    .min(Comparator.<Variant>comparingInt(v -> Math.abs(v.height() - height))
                            .thenComparingLong(v -> Math.abs(v.bandwidth() - bandwidth)))
                    .orElseThrow();
        }
        boolean bandwidths = bandwidth > 0 && offered.stream().allMatch(v -> v.bandwidth() > 0);
        if (bandwidths) {
            return offered.stream()
                    .min(Comparator.comparingLong(v -> Math.abs(v.bandwidth() - bandwidth)))
                    .orElseThrow();
        }
        return offered.get(Math.min(rank, offered.size() - 1));
    }
}
