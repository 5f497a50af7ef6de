package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Promtool;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end with the real parts: ffmpeg publishes to the real nginx-rtmp, the app authorises it
 * and its ffmpeg ladder produces HLS that ffprobe can read.
 */
@ExtendWith(SharedHeadend.class)
class LiveStreamIT {

    private static final Duration LIVE_DEADLINE = Duration.ofSeconds(60);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HeadendProcess app;
    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.api = app.admin();
    }

    @Test
    void aPublishedStreamBecomesAThreeRenditionLadderAndGoesOfflineWhenThePublisherStops() throws Exception {
        String ladder = Names.unique("e2e");
        assertEquals(
                201,
                api.post("/api/v1/ladders", SampleLadders.threeSmall(ladder)).status());
        JsonObject stream = createStream(Names.unique("live"), ladder);
        String name = stream.getString("name");
        String key = stream.getString("streamKey");

        try (var publisher = Publisher.start(app.rtmpUrl(), key, 640, 360, 15)) {
            JsonObject status =
                    api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", LIVE_DEADLINE);
            assertEquals(640, status.getJsonObject("input").getInt("width"));
            assertEquals(
                    3,
                    status.getJsonArray("renditions").stream()
                            .filter(r -> r.asJsonObject().getString("state").equals("ACTIVE"))
                            .count());

            // The stream is protected: the playbackUrl the API gave its creator carries a token.
            String masterUrl = stream.getString("playbackUrl");
            String folder = masterUrl.substring(0, masterUrl.length() - "master.m3u8".length());
            HttpResponse<String> master = get(masterUrl);
            assertEquals(200, master.statusCode());
            assertEquals(
                    "application/vnd.apple.mpegurl",
                    master.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "no-cache", master.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(
                    "*",
                    master.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> preflight = HTTP.send(
                    HttpRequest.newBuilder(URI.create(masterUrl))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", "http://console.example")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, preflight.statusCode());
            assertEquals(
                    "*",
                    preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Origin")
                            .orElse(""));
            List<String> variants = master.body()
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .toList();
            assertEquals(3, variants.size(), master.body());
            assertEquals(
                    3,
                    master.body()
                            .lines()
                            .filter(l -> l.startsWith("#EXT-X-STREAM-INF"))
                            .count());

            for (String variant : variants) {
                assertSegmentPlays(folder + variant);
            }
            String metrics = app.api().get("/metrics").body();
            assertTrue(
                    metrics.lines()
                            .anyMatch(l -> l.startsWith("headend_stream_input_bytes_per_second{")
                                    && l.contains("stream=\"" + name + "\"")),
                    metrics);
            assertFalse(metrics.contains(key), "the stream key never appears in metrics");
            // The per-stream series exist only while a stream is live: lint them now.
            var lint = Promtool.checkMetrics(
                    app.api().get("/metrics?scope=application").body());
            assertEquals(0, lint.exitCode(), "promtool check metrics with a stream live: " + lint.output());
        }

        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", LIVE_DEADLINE);
        Await.until("the transcoder of " + name + " to end", Duration.ofSeconds(15), () -> transcodersOf(name)
                .isEmpty());
        assertKeyLeftNoTrace(key);
    }

    @Test
    void refusedPublishersNeverDisturbTheLiveOne() throws Exception {
        JsonObject stream = createStream(Names.unique("guard"), "passthrough");
        String name = stream.getString("name");
        String key = stream.getString("streamKey");

        try (var first = Publisher.start(app.rtmpUrl(), key, 320, 180, 15)) {
            api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", LIVE_DEADLINE);

            long started = System.nanoTime();
            try (var wrongKey = Publisher.start(app.rtmpUrl(), "hk_wrongwrongwrongwrongwrongwrongwr", 320, 180, 15)) {
                assertNotEquals(0, wrongKey.awaitExit(Duration.ofSeconds(10)));
            }
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - started).toMillis() < 1500,
                    "a wrong key is refused within a second (0.3 s measured, ffmpeg start included)");

            try (var second = Publisher.start(app.rtmpUrl(), key, 320, 180, 15)) {
                assertNotEquals(0, second.awaitExit(Duration.ofSeconds(10)));
            }
            assertTrue(first.isAlive(), "the first publisher is still on air");
            assertEquals("LIVE", status(stream).getString("state"));
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", LIVE_DEADLINE);
    }

    @Test
    void aLiveStreamIsDeletedOnlyWhenForcedAndItsPublisherIsCut() {
        JsonObject stream = createStream(Names.unique("cut"), "passthrough");
        String path = "/api/v1/streams/" + stream.getString("id");
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", LIVE_DEADLINE);

            var refused = api.delete(path);
            assertEquals(409, refused.status());
            assertTrue(refused.isProblem());
            assertEquals("LIVE", status(stream).getString("state"));

            assertEquals(204, api.delete(path + "?force=true").status());
            publisher.awaitExit(Duration.ofSeconds(15));
            assertEquals(404, api.get(path).status());
            Await.until("the transcoder to end", Duration.ofSeconds(15), () -> transcodersOf(stream.getString("name"))
                    .isEmpty());
        }
    }

    private JsonObject createStream(String name, String ladder) {
        var reply = api.post(
                "/api/v1/streams",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("ladder", ladder)
                        .build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject status(JsonObject stream) {
        return api.get("/api/v1/streams/" + stream.getString("id") + "/status").json();
    }

    private List<ProcessHandle> transcodersOf(String name) {
        return app.children("ffmpeg").stream()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains("/live/" + name))
                        .orElse(false))
                .toList();
    }

    private void assertSegmentPlays(String playlistUrl) throws Exception {
        String playlist = get(playlistUrl).body();
        assertTrue(playlist.contains("#EXT-X-PROGRAM-DATE-TIME"), playlist);
        String segment = playlist.lines()
                .filter(l -> l.endsWith(".ts"))
                .reduce((a, b) -> b)
                .orElseThrow();
        String segmentUrl = playlistUrl.substring(0, playlistUrl.lastIndexOf('/') + 1) + segment;
        Path file = Files.createTempFile("segment", ".ts");
        try {
            HttpResponse<Path> download = HTTP.send(
                    HttpRequest.newBuilder(URI.create(segmentUrl)).build(), HttpResponse.BodyHandlers.ofFile(file));
            assertEquals(200, download.statusCode(), segmentUrl);
            String streams = Ffprobe.streams(file);
            assertTrue(streams.contains("h264"), streams);
            assertTrue(streams.contains("aac"), streams);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void assertKeyLeftNoTrace(String key) throws Exception {
        assertFalse(Files.readString(app.log()).contains(key), "the stream key is never logged");
        assertFalse(
                Files.readString(app.home().resolve("nginx/logs/error.log")).contains(key),
                "nginx-rtmp does not log the key either");
        try (Stream<Path> files = Files.walk(app.home())) {
            assertTrue(files.noneMatch(p -> p.toString().contains(key)), "no file path carries the key");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
