package org.headend.platform.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ffmpeg's {@code -progress} output line by line: {@code key=value} pairs, each block closed
 * by {@code progress=continue} or {@code progress=end}. Unknown keys and odd values (ffmpeg writes
 * {@code N/A} before it knows a figure) are tolerated.
 */
public final class ProgressParser {

    private final Map<String, String> block = new HashMap<>();

    /** Feeds one line; returns the block it completes, if it completes one. */
    public Optional<Progress> accept(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String key = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        if (!key.equals("progress")) {
            block.put(key, value);
            return Optional.empty();
        }
        var progress = new Progress(
                (long) number(block.get("frame")),
                number(block.get("fps")),
                number(stripSuffix(block.get("speed"), "x")),
                (long) number(block.get("out_time_us")),
                (long) number(block.get("total_size")),
                value.equals("end"));
        block.clear();
        return Optional.of(progress);
    }

    private static String stripSuffix(String value, String suffix) {
        return value != null && value.endsWith(suffix) ? value.substring(0, value.length() - suffix.length()) : value;
    }

    private static double number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed) ? parsed : 0;
        } catch (NumberFormatException notYetKnown) {
            return 0;
        }
    }
}
