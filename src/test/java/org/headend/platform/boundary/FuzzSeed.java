package org.headend.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.headend.testing.Names;
import org.headend.testing.SampleLadders;

/**
 * One of everything the API manages, made through the API, so that {@code {id}}-style path
 * parameters can carry real ids while the rest of a call is bad: a stream with an output, an
 * external origin and a multicast sender (none running: no publisher), a ladder, a webhook, a
 * personal token and a user. {@link #realValue} maps a path parameter to its real id.
 */
record FuzzSeed(
        String streamId,
        String streamName,
        String outputId,
        String originId,
        String multicastId,
        String ladder,
        String webhookId,
        String tokenId,
        String username) {

    static final String PASSWORD = "fuzz-user-Secret-1";

    static FuzzSeed create(FuzzClient client, String adminBearer) {
        String streamName = Names.unique("fuzz");
        String stream = id(client, adminBearer, "/api/v1/streams", "{\"name\":\"" + streamName + "\"}");
        String streamPath = "/api/v1/streams/" + stream;
        String ladder = Names.unique("fuzz");
        id(
                client,
                adminBearer,
                "/api/v1/ladders",
                SampleLadders.oneRendition(ladder, 320, 180).toString());
        String username = Names.unique("fuzz-target");
        id(client, adminBearer, "/api/v1/users", user(username, "viewer"));
        return new FuzzSeed(
                stream,
                streamName,
                id(
                        client,
                        adminBearer,
                        streamPath + "/outputs",
                        "{\"name\":\"fuzz-out\",\"url\":\"rtmp://127.0.0.1:9/live/fuzz\",\"enabled\":false}"),
                id(
                        client,
                        adminBearer,
                        streamPath + "/origins",
                        "{\"name\":\"fuzz-origin\",\"url\":\"http://127.0.0.1:9/fuzz.m3u8\",\"priority\":10}"),
                id(client, adminBearer, streamPath + "/multicast", "{\"interface\":\"lo\",\"announce\":false}"),
                ladder,
                id(
                        client,
                        adminBearer,
                        "/api/v1/webhooks",
                        "{\"url\":\"http://127.0.0.1:9/fuzz\",\"events\":[\"stream.live\"],"
                                + "\"secret\":\"fuzz-webhook-secret-0123\"}"),
                id(client, adminBearer, "/api/v1/tokens", "{\"name\":\"fuzz\"}"),
                username);
    }

    static String user(String username, String role) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", PASSWORD)
                .add("role", role)
                .build()
                .toString();
    }

    /** Deletes what {@link #create} made; the stream takes its output, origin and sender with it. */
    void delete(FuzzClient client, String adminBearer) {
        for (String path : List.of(
                "/api/v1/streams/" + streamId + "?force=true",
                "/api/v1/ladders/" + ladder,
                "/api/v1/webhooks/" + webhookId,
                "/api/v1/tokens/" + tokenId,
                "/api/v1/users/" + username)) {
            client.send("DELETE", path, Map.of("Authorization", adminBearer), null);
        }
    }

    /**
     * The real value for the path parameter that follows the literal segment {@code collection}
     * ({@code streams/{id}}, {@code outputs/{oid}}, ...), or null when nothing of the kind was made
     * (a recording needs a publisher).
     */
    String realValue(String collection) {
        return switch (collection) {
            case "streams" -> streamId;
            case "outputs" -> outputId;
            case "origins" -> originId;
            case "multicast" -> multicastId;
            case "ladders" -> ladder;
            case "webhooks" -> webhookId;
            case "tokens" -> tokenId;
            case "users" -> username;
            default -> null;
        };
    }

    /** The seeded stream's own collections and the webhook's deliveries, for the snapshots. */
    List<String> ownCollections() {
        String stream = "/api/v1/streams/" + streamId;
        return List.of(
                stream + "/outputs",
                stream + "/origins",
                stream + "/multicast",
                "/api/v1/webhooks/" + webhookId + "/deliveries");
    }

    private static String id(FuzzClient client, String adminBearer, String path, String body) {
        var made = client.send(
                "POST",
                path,
                Map.of("Authorization", adminBearer, "Content-Type", "application/json"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (made.status() != 201) {
            throw new AssertionError("Cannot seed " + path + ": " + made);
        }
        try (var reader = Json.createReader(new StringReader(made.body()))) {
            JsonObject created = reader.readObject();
            return created.containsKey("id") ? created.get("id").toString().replace("\"", "") : null;
        }
    }
}
