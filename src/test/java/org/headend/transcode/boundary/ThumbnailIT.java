package org.headend.transcode.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thumbnails of live streams with a real publisher, nginx-rtmp and ffmpeg: written by the
 * transcoder of an encoding ladder, grabbed for a passthrough one, refused for streams that are
 * unknown or off the air.
 */
@ExtendWith(SharedHeadend.class)
class ThumbnailIT {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Duration LIVE_DEADLINE = Duration.ofSeconds(60);

    private HeadendProcess app;
    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.api = app.admin();
    }

    @Test
    void unknownStreamHasNoThumbnail() {
        var reply = api.get("/api/v1/streams/00000000-0000-0000-0000-000000000000/thumbnail.jpg");

        assertEquals(404, reply.status());
        assertTrue(reply.isProblem(), reply.toString());
        assertTrue(reply.json().getString("detail").contains("No stream"), reply.body());
    }

    @Test
    void neitherTheApiNorTheConsoleHandsThumbnailsToStrangers() {
        String id = SampleStreams.plain(api, "private").id();
        try {
            var anonymous = app.api().get("/api/v1/streams/" + id + "/thumbnail.jpg");
            assertEquals(401, anonymous.status());
            assertTrue(anonymous.isProblem(), anonymous.toString());
            var console = app.api().get("/thumbnail/" + id + ".jpg");
            assertEquals(302, console.status(), "sent to sign in: " + console);
        } finally {
            api.delete("/api/v1/streams/" + id);
        }
    }

    @Test
    void anEncodedStreamShowsFreshFramesFromItsTranscoderWhileLiveAndNoneOtherwise() {
        String ladder = Names.unique("thumbs");
        assertEquals(
                201,
                api.post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 320, 180))
                        .status());
        var stream = SampleStreams.withLadder(api, "thumb", ladder);
        String thumbnail = stream.path() + "/thumbnail.jpg";
        try {
            var offline = api.get(thumbnail);
            assertEquals(404, offline.status(), "offline: " + offline);
            assertTrue(offline.isProblem(), offline.toString());
            assertEquals("The stream is offline.", offline.json().getString("detail"));

            try (var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 480, 270, 15)) {
                Api.Download first = awaitThumbnail(thumbnail);
                assertEquals("image/jpeg", first.header("Content-Type"));
                assertEquals("no-store", first.header("Cache-Control"));
                assertEquals("mjpeg,320,180", probe(first.body()), "scaled to the thumbnail width, aspect kept");
                Instant taken = lastModified(first);
                assertTrue(
                        Duration.between(taken, Instant.now()).compareTo(MAX_AGE.plusSeconds(1)) <= 0,
                        "taken at " + taken + ", now " + Instant.now());

                Instant later = Await.until("a newer thumbnail than " + taken, Duration.ofSeconds(15), () -> {
                    var next = api.download(thumbnail);
                    return next.status() == 200 && lastModified(next).isAfter(taken) ? lastModified(next) : null;
                });
                assertTrue(later.isAfter(taken));

                assertFalse(
                        app.children("ffmpeg").stream()
                                .anyMatch(p -> p.info().commandLine().orElse("").contains("-frames:v")),
                        "no second decode: the transcoder writes the thumbnail itself");
                String transcoderLog = api.get(stream.path() + "/log").body();
                assertFalse(transcoderLog.contains("deprecated pixel format"), transcoderLog);
            }
            Await.until("the thumbnail to go once the publisher left", Duration.ofSeconds(20), () -> {
                var gone = api.get(thumbnail);
                return gone.status() == 404 && gone.isProblem();
            });
            assertTrue(
                    app.api()
                            .get("/metrics")
                            .body()
                            .lines()
                            .anyMatch(
                                    l -> l.startsWith("headend_thumbnails_total{") && l.contains("result=\"served\"")),
                    "counted in /metrics");
        } finally {
            stream.close();
            api.delete("/api/v1/ladders/" + ladder);
        }
    }

    @Test
    void aPassthroughStreamGetsAGrabbedThumbnail() {
        var stream = SampleStreams.passthrough(api, "thumbcopy");
        String thumbnail = stream.path() + "/thumbnail.jpg";
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            Api.Download grabbed = awaitThumbnail(thumbnail);
            assertEquals("image/jpeg", grabbed.header("Content-Type"));
            assertEquals("mjpeg,320,180", probe(grabbed.body()));
            assertTrue(Duration.between(lastModified(grabbed), Instant.now()).compareTo(MAX_AGE.plusSeconds(1)) <= 0);
            Api.Download again = api.download(thumbnail);
            assertEquals(200, again.status());
            assertEquals(lastModified(grabbed), lastModified(again), "a fresh grab is reused, not repeated");
        } finally {
            stream.close();
        }
    }

    private Api.Download awaitThumbnail(String path) {
        return Await.until("a thumbnail at " + path, LIVE_DEADLINE, () -> {
            var reply = api.download(path);
            return reply.status() == 200 ? reply : null;
        });
    }

    private static Instant lastModified(Api.Download reply) {
        return ZonedDateTime.parse(reply.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
    }

    private static String probe(byte[] jpeg) {
        try {
            Path file = Files.createTempFile("thumbnail", ".jpg");
            try {
                Files.write(file, jpeg);
                return Ffprobe.streams(file).strip();
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
