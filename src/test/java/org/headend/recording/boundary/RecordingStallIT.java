package org.headend.recording.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Publisher;
import org.headend.testing.Recordings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A recording's ffmpeg frozen with SIGSTOP (as a hung process) is killed once it has made no
 * progress for the stall timeout, and a new one carries on into new segments of the same recording,
 * which still becomes a playable MP4. An app of its own, for a short stall timeout.
 */
class RecordingStallIT {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(5);

    private HeadendProcess app;
    private ProcessHandle frozen;

    @AfterEach
    void cleanUp() {
        if (frozen != null) {
            // SIGKILL reaches a stopped process too: whatever the test saw, nothing stays frozen.
            frozen.destroyForcibly();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aFrozenRecorderIsReplacedAndTheRecordingStillPlays() throws Exception {
        app = HeadendProcess.inTempHome(Map.of("HEADEND_RECORDING_STALL_TIMEOUT", STALL_TIMEOUT.toString()))
                .start();
        var recordings = Recordings.asAdmin(app);
        var api = recordings.api();
        JsonObject stream = recordings.stream("stalled", "off");
        String id;
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            recordings.awaitStreamState(stream, "LIVE");
            var started = api.post("/api/v1/streams/" + stream.getString("id") + "/recordings", "");
            assertEquals(201, started.status(), started.body());
            id = started.json().getString("id");
            recordings.awaitSize(id, 50_000);
            Path dir = app.home().resolve("recordings").resolve(id);

            frozen = Await.until("the recording's ffmpeg", Duration.ofSeconds(10), () -> recorder(dir)
                    .orElse(null));
            signal("-STOP", frozen);
            long frozenAt = System.nanoTime();

            long firstPid = frozen.pid();
            var replacement =
                    Await.until("a new ffmpeg recording into " + dir, STALL_TIMEOUT.plusSeconds(15), () -> recorder(dir)
                            .filter(p -> p.pid() != firstPid)
                            .orElse(null));
            double seconds = (System.nanoTime() - frozenAt) / 1e9;
            assertTrue(
                    seconds >= STALL_TIMEOUT.toSeconds() - 1,
                    "replaced after " + seconds + " s, not before the stall timeout");
            Await.until("the frozen ffmpeg to be killed", Duration.ofSeconds(10), () -> !frozen.isAlive());
            assertTrue(replacement.isAlive());

            Await.until("segments of a second run", Duration.ofSeconds(20), () -> secondRunBytes(dir) > 20_000);
            JsonObject recording = recordings.recording(id);
            assertEquals("RECORDING", recording.getString("state"));
            assertEquals(1, recording.getInt("restarts"), recording.toString());
            String metrics = api.get("/metrics?scope=application").body();
            assertTrue(
                    metrics.lines()
                            .anyMatch(l -> l.startsWith("headend_recording_restarts_total{")
                                    && l.contains("cause=\"stalled\"")
                                    && l.endsWith(" 1.0")),
                    metrics);

            assertEquals(200, api.post("/api/v1/recordings/" + id + "/stop", "").status());
        }
        JsonObject ready = recordings.awaitRecording(id, "READY", Duration.ofSeconds(60));
        assertEquals(1, ready.getInt("restarts"), ready.toString());
        var file = recordings.download("/api/v1/recordings/" + id + "/file", null);
        assertEquals(200, file.statusCode());
        Path mp4 = Files.createTempFile("stalled-", ".mp4");
        try {
            Files.write(mp4, file.body());
            assertTrue(Ffprobe.streams(mp4).contains("h264,320,180"), Ffprobe.streams(mp4));
            double probed = Recordings.duration(mp4);
            double recorded = ready.getJsonNumber("durationSeconds").doubleValue();
            assertTrue(probed > 2.0 && Math.abs(probed - recorded) <= 1.0, "ffprobe " + probed + " s, API " + recorded);
        } finally {
            Files.delete(mp4);
        }
        assertEquals(List.of(), app.stop(), "no ffmpeg left behind, frozen or not");
        app = null;
    }

    /** The app's ffmpeg writing into this recording's folder (the finaliser's has not started yet). */
    private Optional<ProcessHandle> recorder(Path dir) {
        return app.children("ffmpeg").stream()
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                .findFirst();
    }

    private static long secondRunBytes(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-0001-"))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        var kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill " + signal);
    }
}
