package org.headend.recording.boundary;

import java.util.Optional;

/**
 * One byte range of a file, from an HTTP {@code Range} header (RFC 9110): {@code bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n}. A header in another unit, or asking for several ranges, is
 * answered with the whole file; a bytes range that is malformed or lies outside the file is
 * unsatisfiable (416).
 */
public record ByteRange(long first, long last) {

    /** Thrown for a range the file cannot satisfy. */
    public static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable(String header) {
            super("Unsatisfiable range: " + header);
        }
    }

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range asked for, or empty for the whole file. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return Optional.empty();
        }
        String spec = value.substring(6).trim();
        if (spec.contains(",")) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new Unsatisfiable(header);
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable(header);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first < 0 || first >= size || last < first) {
                throw new Unsatisfiable(header);
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(header);
        }
    }
}
