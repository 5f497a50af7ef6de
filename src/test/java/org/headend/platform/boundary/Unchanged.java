package org.headend.platform.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a fuzz run must leave as it found it: every collection lists the same ({@link
 * ApiSnapshot}), no incident was logged, and the app is still ready.
 */
final class Unchanged {

    private static final Pattern INCIDENT = Pattern.compile("Incident [0-9a-f]{12}:");

    private final FuzzClient client;
    private final String adminBearer;
    private final List<String> collections;
    private final Path log;
    private final Map<String, String> before;
    private final long incidents;

    private Unchanged(FuzzClient client, String adminBearer, List<String> collections, Path log) {
        this.client = client;
        this.adminBearer = adminBearer;
        this.collections = collections;
        this.log = log;
        this.before = ApiSnapshot.take(client, adminBearer, collections);
        this.incidents = incidents();
    }

    /** Lists {@code collections} (GET paths) as the admin now, and counts the incidents in {@code log}. */
    static Unchanged from(FuzzClient client, String adminBearer, List<String> collections, Path log) {
        return new Unchanged(client, adminBearer, collections, log);
    }

    /** Adds a failure for each collection that lists differently, a new incident or a readiness lost. */
    void verify(FuzzFailures failures) {
        Map<String, String> after = ApiSnapshot.take(client, adminBearer, collections);
        before.forEach((path, listing) -> {
            if (!listing.equals(after.get(path))) {
                failures.add("GET " + path + " changed:\n  before: " + listing + "\n  after:  " + after.get(path));
            }
        });
        long logged = incidents() - incidents;
        if (logged != 0) {
            failures.add(logged + " incident(s) logged during the run: see " + log);
        }
        var ready = client.send("GET", "/health/ready", Map.of(), null);
        if (ready.status() != 200 || !ready.body().contains("\"UP\"")) {
            failures.add("/health/ready is not UP afterwards: " + FuzzChecks.shown(ready));
        }
    }

    private long incidents() {
        try {
            return INCIDENT.matcher(Files.readString(log, StandardCharsets.ISO_8859_1))
                    .results()
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
