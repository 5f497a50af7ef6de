package org.headend.bench;

import java.util.List;
import java.util.stream.Collectors;

/** Median, extremes and a compact listing of a bench's samples. */
final class Stats {

    private Stats() {}

    static double median(List<? extends Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Nearest-rank percentile (p in 0..100) of the values; NaN when there are none. */
    static double percentile(List<? extends Number> values, double p) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    static double max(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
    }

    static double min(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).min().orElse(Double.NaN);
    }

    /** The values in the order measured, e.g. {@code [41.2 40.8 43.0]}. */
    static String format(List<? extends Number> values) {
        return values.stream()
                .map(v -> v instanceof Double d ? String.format("%.1f", d) : v.toString())
                .collect(Collectors.joining(" ", "[", "]"));
    }
}
