package org.headend.recording.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.Recordings;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recordings end to end: ffmpeg publishes to nginx-rtmp, the app's recording ffmpeg copies the
 * stream into segments and joins them into an MP4 that is downloaded (whole and by range) and
 * checked with ffprobe.
 */
@ExtendWith(SharedHeadend.class)
class RecordingIT {

    private static final Duration FINALISED = Duration.ofSeconds(60);

    private HeadendProcess app;
    private Recordings recordings;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.recordings = Recordings.asAdmin(app);
    }

    @Test
    void anOnDemandRecordingBecomesAnMp4OfTheRecordedLength() throws Exception {
        var api = recordings.api();
        JsonObject stream = recordings.stream(Names.unique("rec"), "off");
        assertEquals("off", stream.getString("record"));
        String start = "/api/v1/streams/" + stream.getString("id") + "/recordings";
        assertEquals(409, api.post(start, "").status(), "an offline stream cannot be recorded");

        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            recordings.awaitStreamState(stream, "LIVE");
            var started = api.post(start, "");
            long startedAt = System.nanoTime();
            assertEquals(201, started.status(), started.body());
            String id = started.json().getString("id");
            assertEquals("RECORDING", started.json().getString("state"));
            assertEquals(409, api.post(start, "").status(), "already recording");

            recordings.awaitSize(id, 150_000);
            var stopped = api.post("/api/v1/recordings/" + id + "/stop", "");
            double wallSeconds = (System.nanoTime() - startedAt) / 1e9;
            assertEquals(200, stopped.status(), stopped.body());
            assertTrue(stopped.json().getString("state").matches("FINALIZING|READY"), stopped.body());

            JsonObject ready = recordings.awaitRecording(id, "READY", FINALISED);
            double recorded = ready.getJsonNumber("durationSeconds").doubleValue();
            long size = ready.getJsonNumber("sizeBytes").longValue();
            assertEquals(stream.getString("id"), ready.getString("streamId"));
            assertEquals(stream.getString("name"), ready.getString("streamName"));
            assertTrue(ready.containsKey("endedAt"), ready.toString());
            assertTrue(Math.abs(recorded - wallSeconds) <= 2.0, recorded + " s recorded in " + wallSeconds + " s");

            var whole = recordings.download("/api/v1/recordings/" + id + "/file", null);
            assertEquals(200, whole.statusCode());
            assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
            assertEquals(size, whole.body().length);
            Path mp4 = Files.createTempFile("recording-", ".mp4");
            Files.write(mp4, whole.body());

            var part = recordings.download("/api/v1/recordings/" + id + "/file", "bytes=100-1099");
            assertEquals(206, part.statusCode());
            assertEquals(
                    "bytes 100-1099/" + size,
                    part.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(whole.body(), 100, 1100), part.body());
            var beyond = recordings.download("/api/v1/recordings/" + id + "/file", "bytes=" + size + "-");
            assertEquals(416, beyond.statusCode());

            double probed = Recordings.duration(mp4);
            assertTrue(Math.abs(probed - recorded) <= 1.0, "ffprobe " + probed + " s, API " + recorded + " s");
            assertTrue(Ffprobe.streams(mp4).contains("h264,320,180"), Ffprobe.streams(mp4));
            Files.delete(mp4);

            String metrics = app.api().get("/metrics?scope=application").body();
            assertTrue(
                    metrics.lines()
                            .anyMatch(l -> l.startsWith("headend_recordings_total{")
                                    && l.contains("result=\"ready\"")
                                    && !l.endsWith(" 0.0")),
                    metrics);
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("headend_recordings_active")), metrics);
            assertTrue(
                    metrics.lines().anyMatch(l -> l.startsWith("headend_recording_bytes") && !l.endsWith(" 0.0")),
                    metrics);
        }
    }

    @Test
    void recordAlwaysFollowsThePublisherAndDeleteRemovesTheRecording() {
        var api = recordings.api();
        JsonObject stream = recordings.stream(Names.unique("always"), "always");
        assertEquals("always", stream.getString("record"));
        String ofStream = "/api/v1/recordings?stream=" + stream.getString("id");
        assertEquals(0, api.get(ofStream).json().getJsonNumber("total").intValue());

        String id;
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            id = org.headend.testing.Await.until(
                    "a recording of the stream",
                    Duration.ofSeconds(60),
                    () -> api.get(ofStream).json().getJsonArray("items").stream()
                            .map(v -> v.asJsonObject())
                            .filter(r -> r.getString("state").equals("RECORDING"))
                            .map(r -> r.getString("id"))
                            .findFirst()
                            .orElse(null));
            assertEquals("always", recordings.recording(id).getString("trigger"));
            recordings.awaitSize(id, 50_000);
        }
        recordings.awaitRecording(id, "READY", FINALISED);
        assertTrue(Files.exists(app.home().resolve("recordings").resolve(id)));

        // Newest first: the stop when the publisher left, then the start when the stream went live.
        var trail = api.get("/api/v1/audit?object=recording/" + id).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .toList();
        assertEquals(
                java.util.List.of("recording.stop", "recording.start"),
                trail.stream().map(e -> e.getString("action")).toList(),
                trail.toString());
        for (JsonObject entry : trail) {
            assertEquals("system", entry.getString("actor"), entry.toString());
            assertTrue(entry.getString("detail").startsWith("stream=" + stream.getString("name")), entry.toString());
        }

        assertEquals(204, api.delete("/api/v1/recordings/" + id).status());
        assertEquals(404, api.get("/api/v1/recordings/" + id).status());
        assertEquals(404, api.delete("/api/v1/recordings/" + id).status());
        assertFalse(Files.exists(app.home().resolve("recordings").resolve(id)));
        assertEquals(0, api.get(ofStream).json().getJsonNumber("total").intValue());
    }
}
