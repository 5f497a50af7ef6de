package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new stream's HLS starts with the publisher's very first keyframe (its transcoder waits in
 * nginx-rtmp before the publisher is let in; nginx keeps no keyframe for late players) and with a
 * 1 s first segment, while the ladder is still planned on the source's size.
 */
@ExtendWith(SharedHeadend.class)
class FirstFrameIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
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
    void everyRenditionStartsWithTheFirstGopInAOneSecondSegment() throws Exception {
        String ladder = Names.unique("first");
        assertEquals(
                201, api.post("/api/v1/ladders", SampleLadders.twoTiny(ladder)).status());
        JsonObject stream = createStream(Names.unique("first"), ladder);

        try (var publisher = Publisher.redFirstGop(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", DEADLINE);

            List<String> variants = variants(stream);
            assertEquals(List.of("180p/index.m3u8", "144p/index.m3u8"), variants);
            for (String variant : variants) {
                assertStartsRedInAShortSegment(stream, variant);
            }
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", DEADLINE);
    }

    @Test
    void aSourceSmallerThanTheLadderSkipsRenditionsAndItsNextPublishStartsOnItsFirstKeyframe() throws Exception {
        String ladder = Names.unique("fit");
        assertEquals(
                201,
                api.post("/api/v1/ladders", SampleLadders.tallAndSmall(ladder)).status());
        JsonObject stream = createStream(Names.unique("fit"), ladder);
        String key = stream.getString("streamKey");

        // The first publish is planned for the whole ladder, then again once nginx knows the size.
        try (var publisher = Publisher.redFirstGop(app.rtmpUrl(), key, 640, 360, 15)) {
            JsonObject status =
                    api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", DEADLINE);
            assertEquals("SKIPPED", rendition(status, "720p").getString("state"));
            assertEquals("ACTIVE", rendition(status, "270p").getString("state"));
            assertEquals(List.of("270p/index.m3u8"), variants(stream));
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", DEADLINE);

        // The next one is planned on what this publisher sent last time: right from the start.
        try (var publisher = Publisher.redFirstGop(app.rtmpUrl(), key, 640, 360, 15)) {
            JsonObject status =
                    api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "LIVE", DEADLINE);
            assertEquals("SKIPPED", rendition(status, "720p").getString("state"));
            assertEquals(List.of("270p/index.m3u8"), variants(stream));
            assertStartsRedInAShortSegment(stream, "270p/index.m3u8");
        }
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", "OFFLINE", DEADLINE);
    }

    /** The variant's first segment is shorter than the 2 s ones and its first picture is the red GOP's. */
    private void assertStartsRedInAShortSegment(JsonObject stream, String variant) throws Exception {
        String playlistUrl = folder(stream) + variant;
        String playlist = get(playlistUrl).body();
        List<String> lines = playlist.lines().toList();
        int first = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("#EXTINF:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no segment in " + playlist)));
        double seconds = Double.parseDouble(
                lines.get(first).substring("#EXTINF:".length()).split(",")[0]);
        assertEquals(1.0, seconds, 0.1, "a 1 s first segment: " + playlist);
        String segment = lines.subList(first, lines.size()).stream()
                .filter(l -> l.endsWith(".ts"))
                .findFirst()
                .orElseThrow();
        Path file = Files.createTempFile("first-segment", ".ts");
        try {
            String segmentUrl = playlistUrl.substring(0, playlistUrl.lastIndexOf('/') + 1) + segment;
            HttpResponse<Path> download = HTTP.send(
                    HttpRequest.newBuilder(URI.create(segmentUrl)).build(), HttpResponse.BodyHandlers.ofFile(file));
            assertEquals(200, download.statusCode(), segmentUrl);
            int[] rgb = firstPictureColour(file);
            assertTrue(
                    rgb[0] > 180 && rgb[1] < 80 && rgb[2] < 80,
                    variant + " starts with the publisher's first (red) GOP, not a later one: RGB " + rgb[0] + ","
                            + rgb[1] + "," + rgb[2]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The average colour of the first decoded picture: ffmpeg scales it down to one RGB pixel. */
    private static int[] firstPictureColour(Path file) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-i",
                        file.toString(),
                        "-frames:v",
                        "1",
                        "-vf",
                        "scale=1:1",
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "rgb24",
                        "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] pixel = ffmpeg.getInputStream().readAllBytes();
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS), "ffmpeg decodes one picture");
        assertEquals(3, pixel.length, "one RGB pixel from " + file);
        return new int[] {pixel[0] & 0xff, pixel[1] & 0xff, pixel[2] & 0xff};
    }

    private List<String> variants(JsonObject stream) throws Exception {
        String master = get(stream.getString("playbackUrl")).body();
        return master.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    private static String folder(JsonObject stream) {
        String masterUrl = stream.getString("playbackUrl");
        return masterUrl.substring(0, masterUrl.length() - "master.m3u8".length());
    }

    private static JsonObject rendition(JsonObject status, String name) {
        return status.getJsonArray("renditions").stream()
                .map(r -> r.asJsonObject())
                .filter(r -> r.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rendition " + name + " in " + status));
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

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
