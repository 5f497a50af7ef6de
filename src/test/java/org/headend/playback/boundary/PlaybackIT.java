package org.headend.playback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Protected and public playback through the real nginx: signed URLs play, the same files without a
 * valid token answer 403 (playlist and segment alike), and viewers are counted from real players.
 */
@ExtendWith(SharedHeadend.class)
class PlaybackIT {

    private static final Duration LIVE_DEADLINE = Duration.ofSeconds(60);
    private static final Pattern SIGNED =
            Pattern.compile("(.*/hls/)t/([A-Za-z0-9_-]{22})/(\\d+)/([a-z0-9-]+)/master\\.m3u8");
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
    void aProtectedStreamPlaysOnlyWithAValidUnexpiredToken() throws Exception {
        JsonObject stream = create(Names.unique("secure"), false);
        String name = stream.getString("name");
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            awaitLive(stream);
            String playbackUrl = stream.getString("playbackUrl");
            Matcher signed = matching(playbackUrl);
            String token = signed.group(2);
            String expires = signed.group(3);
            String folder = folderOf(playbackUrl);

            assertTrue(Ffprobe.streams(playbackUrl).contains("h264"), "the playbackUrl plays");
            String media = awaitPlaylist(folder, firstVariant(playbackUrl));
            String segment = folder + media;
            assertEquals(200, status(segment));

            String unsigned = app.hlsUrl() + "/" + name + "/";
            String segmentFile = segment.substring(folder.length());
            assertEquals(403, status(unsigned + "master.m3u8"), "no token: playlist refused");
            assertEquals(403, status(unsigned + segmentFile), "no token: segment refused");

            String tampered = signed.group(1) + "t/" + flipFirst(token) + "/" + expires + "/" + name + "/";
            assertEquals(403, status(tampered + "master.m3u8"), "tampered token: playlist refused");
            assertEquals(403, status(tampered + segmentFile), "tampered token: segment refused");

            String extended =
                    signed.group(1) + "t/" + token + "/" + (Long.parseLong(expires) + 3600) + "/" + name + "/";
            assertEquals(403, status(extended + "master.m3u8"), "a token's expiry cannot be pushed back");

            String otherStream = signed.group(1) + "t/" + token + "/" + expires + "/" + name + "x/master.m3u8";
            assertEquals(403, status(otherStream), "a token is for one stream only");

            String shortLived = api.get("/api/v1/streams/" + stream.getString("id") + "/playback?ttl=2")
                    .json()
                    .getString("playbackUrl");
            String shortFolder = folderOf(shortLived);
            assertEquals(200, status(shortLived), "a fresh short-lived URL plays");
            Await.until("the 2 s URL to expire", Duration.ofSeconds(10), () -> status(shortLived) == 403);
            assertEquals(403, status(shortFolder + segmentFile), "an expired token: segment refused");
            assertEquals(200, status(segment), "the long-lived URL still plays");
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", LIVE_DEADLINE);
    }

    @Test
    void aPublicStreamPlaysWithoutTokenUntilItIsProtectedAgain() throws Exception {
        JsonObject stream = create(Names.unique("open"), true);
        assertTrue(stream.getBoolean("public"));
        String name = stream.getString("name");
        String playbackUrl = stream.getString("playbackUrl");
        assertEquals(app.hlsUrl() + "/" + name + "/master.m3u8", playbackUrl.replace("localhost", "127.0.0.1"));
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            awaitLive(stream);
            String unsigned = app.hlsUrl() + "/" + name + "/master.m3u8";
            assertTrue(Ffprobe.streams(unsigned).contains("h264"), "a public stream plays without a token");
            String media = awaitPlaylist(folderOf(unsigned), firstVariant(unsigned));
            assertEquals(200, status(folderOf(unsigned) + media));

            var protectedAgain = api.put(
                    "/api/v1/streams/" + stream.getString("id"),
                    Json.createObjectBuilder().add("public", false).build());
            assertEquals(200, protectedAgain.status(), protectedAgain.body());
            assertFalse(protectedAgain.json().getBoolean("public"));
            assertEquals(403, status(unsigned));
            assertEquals(403, status(folderOf(unsigned) + media));
            assertEquals(200, status(protectedAgain.json().getString("playbackUrl")));
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", LIVE_DEADLINE);
    }

    @Test
    void theApiRefusesBadPlaybackRequests() {
        JsonObject stream = create(Names.unique("refuse"), false);
        String path = "/api/v1/streams/" + stream.getString("id");

        var badTtl = api.get(path + "/playback?ttl=soon");
        assertEquals(400, badTtl.status());
        assertTrue(badTtl.isProblem(), badTtl.body());
        var badPublic =
                api.put(path, Json.createObjectBuilder().add("public", "yes").build());
        assertEquals(400, badPublic.status());
        assertTrue(badPublic.isProblem(), badPublic.body());
        assertEquals(404, api.get("/api/v1/streams/no-such-id/playback").status());

        var viewer = ApiUsers.withRole(app, "viewer");
        var asViewer = viewer.get(path + "/playback");
        assertEquals(200, asViewer.status(), "viewers may play: " + asViewer.body());
        assertTrue(asViewer.json().getString("playbackUrl").contains("/hls/t/"));
        assertEquals(
                403,
                viewer.put(path, Json.createObjectBuilder().add("public", true).build())
                        .status());
    }

    @Test
    void viewersAreCountedFromConcurrentPlayersAndFallWhenTheyStop() throws Exception {
        JsonObject stream = create(Names.unique("audience"), false);
        String name = stream.getString("name");
        String path = "/api/v1/streams/" + stream.getString("id") + "/playback?ttl=";
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            awaitLive(stream);
            assertEquals(0, viewers(name));
            List<Process> players = new ArrayList<>();
            try {
                // Two players, each with the URL it was given: the viewer is the address, token and agent.
                for (String ttl : List.of("600", "601")) {
                    players.add(player(api.get(path + ttl).json().getString("playbackUrl")));
                }
                Await.until("2 viewers of " + name, Duration.ofSeconds(30), () -> viewers(name) == 2);
                String metrics = app.api().get("/metrics").body();
                assertFalse(
                        metrics.contains(
                                matching(stream.getString("playbackUrl")).group(2)),
                        "no token in metrics");
            } finally {
                players.forEach(Process::destroy);
            }
            Await.until("the viewers of " + name + " to leave", Duration.ofSeconds(30), () -> viewers(name) == 0);
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", LIVE_DEADLINE);
    }

    private static Process player(String url) throws IOException {
        return new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", url, "-c", "copy", "-f", "null", "-")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private int viewers(String name) {
        return app.api()
                .get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("headend_viewers{") && l.contains("stream=\"" + name + "\""))
                .map(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private JsonObject create(String name, boolean open) {
        // A one-rendition ladder: the passthrough ladder's master playlist lists no variant for
        // players to follow (ffmpeg writes no STREAM-INF for a copied stream).
        String ladder = Names.unique("play");
        assertEquals(
                201,
                api.post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 320, 180))
                        .status());
        var reply = api.post(
                "/api/v1/streams",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("ladder", ladder)
                        .add("public", open)
                        .build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private void awaitLive(JsonObject stream) {
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", LIVE_DEADLINE);
    }

    /** The first media playlist's newest segment, relative to the stream's folder, once there is one. */
    private static String awaitPlaylist(String folder, String variant) {
        return Await.until("a segment in " + variant, LIVE_DEADLINE, () -> {
            String body = body(folder + variant);
            String prefix = variant.contains("/") ? variant.substring(0, variant.lastIndexOf('/') + 1) : "";
            return body.lines()
                    .filter(l -> l.endsWith(".ts"))
                    .reduce((a, b) -> b)
                    .map(s -> prefix + s)
                    .orElse(null);
        });
    }

    private static String firstVariant(String masterUrl) {
        return Await.until("a variant in " + masterUrl, LIVE_DEADLINE, () -> body(masterUrl)
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .findFirst()
                .orElse(null));
    }

    private static Matcher matching(String playbackUrl) {
        Matcher m = SIGNED.matcher(playbackUrl);
        assertTrue(m.matches(), playbackUrl);
        return m;
    }

    private static String folderOf(String masterUrl) {
        return masterUrl.substring(0, masterUrl.lastIndexOf('/') + 1);
    }

    private static String flipFirst(String token) {
        return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    }

    private static int status(String url) {
        return fetch(url).statusCode();
    }

    private static String body(String url) {
        var response = fetch(url);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> fetch(String url) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
