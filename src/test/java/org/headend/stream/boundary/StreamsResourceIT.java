package org.headend.stream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHeadend.class)
class StreamsResourceIT {

    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        api = app.admin();
    }

    private JsonObject create(String name) {
        var reply = api.post(
                "/api/v1/streams", Json.createObjectBuilder().add("name", name).build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void createdStreamShowsItsKeyOnceAndItsAddresses() {
        String name = Names.unique("townhall");
        JsonObject created = create(name);

        assertTrue(created.getString("streamKey").startsWith("hk_"));
        assertTrue(created.getString("ingestUrl").matches("rtmp://[^/]+:\\d+/live"), created.toString());
        assertTrue(
                created.getString("playbackUrl").matches(".*/hls/t/[A-Za-z0-9_-]{22}/\\d+/" + name + "/master.m3u8"),
                "a protected stream's playbackUrl carries a token: " + created.getString("playbackUrl"));
        assertFalse(created.getBoolean("public"));
        assertFalse(created.getString("playbackUrl").contains(created.getString("streamKey")));
        assertEquals("default", created.getString("ladder"));

        var read = api.get("/api/v1/streams/" + created.getString("id"));
        assertEquals(200, read.status());
        assertFalse(read.json().containsKey("streamKey"), "the key is shown only once");
        assertFalse(read.body().contains(created.getString("streamKey")));
    }

    @Test
    void createsAtOnceAskingForAnyPortGetDifferentOnes() throws Exception {
        int count = 4;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            var replies = new java.util.ArrayList<java.util.concurrent.Future<org.headend.testing.Api.Reply>>();
            for (int i = 0; i < count; i++) {
                String body = "{\"name\":\"" + Names.unique("at-once") + "\",\"input\":{\"type\":\"udp\"}}";
                replies.add(pool.submit(() -> api.post("/api/v1/streams", body)));
            }
            // Every answer first: a stream deleted early would free its port for a late create.
            var created = new java.util.ArrayList<JsonObject>();
            for (var reply : replies) {
                var r = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, r.status(), r.body());
                created.add(r.json());
            }
            var ports = new java.util.HashSet<Integer>();
            for (JsonObject stream : created) {
                ports.add(stream.getJsonObject("input").getInt("port"));
                api.delete("/api/v1/streams/" + stream.getString("id"));
            }
            assertEquals(count, ports.size(), "each stream its own port: " + ports);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void duplicateNamesConflict() {
        String name = Names.unique("dup");
        create(name);
        var again = api.post(
                "/api/v1/streams", Json.createObjectBuilder().add("name", name).build());
        assertEquals(409, again.status());
        assertTrue(again.isProblem());
    }

    @Test
    void unsafeNamesAreRefusedAndNothingIsCreated() {
        long before = api.get("/api/v1/streams").json().getJsonNumber("total").longValue();
        for (String bad : List.of("", "Town", "../etc", "a/b", "a b", "a;rm -rf", "-x", "$(id)", "x".repeat(64))) {
            var reply = api.post(
                    "/api/v1/streams",
                    Json.createObjectBuilder().add("name", bad).build());
            assertEquals(400, reply.status(), bad);
            assertTrue(reply.isProblem(), bad);
            assertTrue(reply.json().getString("detail").contains("name"), reply.body());
        }
        assertEquals(
                before, api.get("/api/v1/streams").json().getJsonNumber("total").longValue());
    }

    @Test
    void malformedUnknownAndOversizedBodiesAreRefused() {
        var malformed = api.post("/api/v1/streams", "{\"name\":");
        assertEquals(400, malformed.status());
        assertTrue(malformed.isProblem());

        var unknown = api.post("/api/v1/streams", "{\"name\":\"" + Names.unique("u") + "\",\"owner\":\"x\"}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().getString("detail").contains("owner"));

        var oversized = api.post("/api/v1/streams", "{\"name\":\"" + "a".repeat(100_000) + "\"}");
        assertEquals(413, oversized.status());
        assertTrue(oversized.isProblem());

        var wrongType = api.post("/api/v1/streams", "{\"name\":42}");
        assertEquals(400, wrongType.status());

        var unknownLadder = api.post("/api/v1/streams", "{\"name\":\"" + Names.unique("l") + "\",\"ladder\":\"nope\"}");
        assertEquals(400, unknownLadder.status());
        assertTrue(unknownLadder.json().getString("detail").contains("nope"));
    }

    @Test
    void listingIsPaged() {
        create(Names.unique("page"));
        create(Names.unique("page"));
        var page = api.get("/api/v1/streams?page=0&size=1").json();
        assertEquals(1, page.getJsonArray("items").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 2);
        assertEquals(400, api.get("/api/v1/streams?size=0").status());
        assertEquals(400, api.get("/api/v1/streams?size=100000").status());
        assertEquals(400, api.get("/api/v1/streams?page=abc").status(), "not a number is a bad request");
    }

    @Test
    void rotatingTheKeyGivesANewOne() {
        JsonObject created = create(Names.unique("rotate"));
        var rotated = api.post("/api/v1/streams/" + created.getString("id") + "/rotate-key", "");
        assertEquals(200, rotated.status(), rotated.body());
        assertNotEquals(created.getString("streamKey"), rotated.json().getString("streamKey"));
    }

    @Test
    void anOfflineStreamHasAnOfflineStatusAndCanBeDeleted() {
        JsonObject created = create(Names.unique("gone"));
        String path = "/api/v1/streams/" + created.getString("id");
        var status = api.get(path + "/status");
        assertEquals(200, status.status());
        assertEquals("OFFLINE", status.json().getString("state"));

        assertEquals(204, api.delete(path).status());
        var after = api.get(path);
        assertEquals(404, after.status());
        assertTrue(after.isProblem());
    }

    @Test
    void theLadderCanBeChangedButTheNameCannot() {
        JsonObject created = create(Names.unique("edit"));
        String path = "/api/v1/streams/" + created.getString("id");
        var changed = api.put(
                path, Json.createObjectBuilder().add("ladder", "passthrough").build());
        assertEquals(200, changed.status(), changed.body());
        assertEquals("passthrough", changed.json().getString("ladder"));
        var renamed = api.put(
                path,
                Json.createObjectBuilder()
                        .add("name", "other")
                        .add("ladder", "default")
                        .build());
        assertEquals(400, renamed.status());
        assertEquals("passthrough", api.get(path).json().getString("ladder"));
    }
}
