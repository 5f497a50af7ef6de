package org.headend.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API lists, read as the admin: every collection, with the fields that move on their own
 * (states, counters, signed playback URLs) left out, so two snapshots differ only when something
 * was created, changed or deleted.
 */
final class ApiSnapshot {

    private static final Set<String> MOVING = Set.of(
            "state",
            "since",
            "playbackUrl",
            "listener",
            "bitrateKbps",
            "bytesSent",
            "bytesReceived",
            "restarts",
            "lastError",
            "health",
            "active",
            "lastHttpStatus",
            "responseTimeMs",
            "mediaSequence",
            "segmentAgeSeconds",
            "pid",
            "packets",
            "bytes",
            "bitrateBitsPerSecond",
            "jitterMillis",
            "pcrDriftMillis",
            "sourceRestarts",
            "lastSentAt",
            "lastUsedAt",
            "expired",
            "endedAt",
            "durationSeconds",
            "sizeBytes",
            "reason");

    private ApiSnapshot() {}

    /** Collection name to its listing; {@code paths} are GETs whose answer is a list or a page. */
    static Map<String, String> take(FuzzClient client, String adminBearer, List<String> paths) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String path : paths) {
            var answer = client.send("GET", path, Map.of("Authorization", adminBearer), null);
            // A listing that fails (the seeded stream deleted) is kept as its answer: a difference.
            snapshot.put(
                    path,
                    answer.status() == 200
                            ? steady(read(answer.body())).toString()
                            : answer.status() + " " + answer.body());
        }
        return snapshot;
    }

    private static JsonValue read(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static JsonValue steady(JsonValue value) {
        if (value instanceof JsonObject object) {
            var kept = Json.createObjectBuilder();
            object.forEach((key, inner) -> {
                if (!MOVING.contains(key)) {
                    kept.add(key, steady(inner));
                }
            });
            return kept.build();
        }
        if (value instanceof JsonArray array) {
            var kept = Json.createArrayBuilder();
            array.forEach(inner -> kept.add(steady(inner)));
            return kept.build();
        }
        return value;
    }
}
