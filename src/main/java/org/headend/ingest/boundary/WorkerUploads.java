package org.headend.ingest.boundary;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The paths workers write a stream's HLS to on nginx: {@code /put/<stream>/<file...>}, with file
 * names as the packager makes them. Anything else (a dot-dot segment, an encoded character, another
 * prefix) names no stream.
 */
final class WorkerUploads {

    private static final Pattern PATH = Pattern.compile(
            "^/put/([a-z0-9-]{1,64})/((?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/){0,2}[A-Za-z0-9_-][A-Za-z0-9_.-]*)$");

    private WorkerUploads() {}

    static Optional<String> stream(String uri) {
        if (uri == null || uri.contains("..")) {
            return Optional.empty();
        }
        var m = PATH.matcher(uri);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
