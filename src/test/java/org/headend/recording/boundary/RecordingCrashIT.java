package org.headend.recording.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Publisher;
import org.headend.testing.Recordings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The app killed (SIGKILL) in the middle of a recording, then started again on the same data
 * directory: the recording is finalised from the segments it had written, never lost; and the
 * clean-up shortly after start deletes a stream whose expiry has passed. A clean stop, by contrast,
 * ends every recording ffmpeg with the app.
 */
class RecordingCrashIT {

    private HeadendProcess app;

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aRecordingCutByACrashIsFinalisedAfterTheRestart() throws Exception {
        app = HeadendProcess.inTempHome(Map.of()).start();
        var recordings = Recordings.asAdmin(app);
        JsonObject stream = recordings.stream("crash", "off");
        var expiring = recordings
                .api()
                .post(
                        "/api/v1/streams",
                        "{\"name\":\"expiring\",\"ladder\":\"passthrough\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertEquals(201, expiring.status(), expiring.body());
        assertEquals("2020-01-01T00:00:00Z", expiring.json().getString("expiresAt"));
        String expiringId = expiring.json().getString("id");
        String id;
        List<ProcessHandle> orphans;
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            recordings.awaitStreamState(stream, "LIVE");
            var started = recordings.api().post("/api/v1/streams/" + stream.getString("id") + "/recordings", "");
            assertEquals(201, started.status(), started.body());
            id = started.json().getString("id");
            recordings.awaitSize(id, 150_000);
            orphans = app.crash();
        }

        Path home = app.home();
        app = new HeadendProcess(home, Map.of()).start();
        recordings = Recordings.asAdmin(app);
        var api = recordings.api();
        JsonObject ready = recordings.awaitRecording(id, "READY", Duration.ofSeconds(120));
        double recorded = ready.getJsonNumber("durationSeconds").doubleValue();
        assertTrue(recorded >= 2.0, ready.toString());
        Await.until("what the crashed app had started to be gone", Duration.ofSeconds(30), () -> orphans.stream()
                .noneMatch(ProcessHandle::isAlive));

        var file = recordings.download("/api/v1/recordings/" + id + "/file", null);
        assertEquals(200, file.statusCode());
        Path mp4 = Files.createTempFile("crashed-", ".mp4");
        Files.write(mp4, file.body());
        assertTrue(Ffprobe.streams(mp4).contains("h264,320,180"), Ffprobe.streams(mp4));
        double probed = Recordings.duration(mp4);
        assertTrue(Math.abs(probed - recorded) <= 1.0, "ffprobe " + probed + " s, API " + recorded + " s");
        Files.delete(mp4);

        Await.until(
                "the expired stream to be deleted",
                Duration.ofSeconds(60),
                () -> api.get("/api/v1/streams/" + expiringId).status() == 404);
        var trail = api.get("/api/v1/audit?object=stream/" + expiringId).body();
        assertTrue(trail.contains("\"actor\":\"system\"") && trail.contains("stream.delete"), trail);

        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            recordings.awaitStreamState(stream, "LIVE");
            String again = api.post("/api/v1/streams/" + stream.getString("id") + "/recordings", "")
                    .json()
                    .getString("id");
            recordings.awaitSize(again, 20_000);
            assertEquals(List.of(), app.stop(), "a clean stop leaves no recording ffmpeg behind");
            app = null;
        }
    }
}
