package org.headend.webhook.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.recording.entity.RecordingFinished;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.webhook.entity.EventType;
import org.junit.jupiter.api.Test;

class EventBodiesTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00.123Z");

    @Test
    void aStreamEventCarriesTypeStreamAndInstant() {
        JsonObject body = parse(EventBodies.stream(
                EventType.STREAM_LIVE,
                new StreamStateChanged("s1", "townhall", StreamState.STARTING, StreamState.LIVE, AT)));
        assertEquals("stream.live", body.getString("type"));
        assertEquals("s1", body.getJsonObject("stream").getString("id"));
        assertEquals("townhall", body.getJsonObject("stream").getString("name"));
        assertEquals("2026-11-21T10:00:00.123Z", body.getString("at"));
    }

    @Test
    void anOutputEventAddsTheOutputAndLeavesOutWhatIsMissing() {
        JsonObject failed = parse(EventBodies.output(
                EventType.OUTPUT_FAILED,
                new OutputStateChanged(
                        "o1",
                        "s1",
                        "townhall",
                        "youtube",
                        OutputState.LIVE,
                        OutputState.RETRYING,
                        "Connection refused",
                        AT)));
        JsonObject output = failed.getJsonObject("output");
        assertEquals("o1", output.getString("id"));
        assertEquals("LIVE", output.getString("from"));
        assertEquals("RETRYING", output.getString("state"));
        assertEquals("Connection refused", output.getString("lastError"));

        JsonObject recovered = parse(EventBodies.output(
                EventType.OUTPUT_RECOVERED,
                new OutputStateChanged(
                        "o1", "s1", "townhall", "youtube", OutputState.RETRYING, OutputState.LIVE, null, AT)));
        assertFalse(recovered.getJsonObject("output").containsKey("lastError"));
    }

    @Test
    void aRecordingEventAddsTheRecording() {
        JsonObject body = parse(
                EventBodies.recording(new RecordingFinished("r1", "s1", "townhall", "READY", 61_000, 1_234_567, AT)));
        assertEquals("recording.finished", body.getString("type"));
        assertEquals("READY", body.getJsonObject("recording").getString("state"));
        assertEquals(
                61_000,
                body.getJsonObject("recording").getJsonNumber("durationMillis").longValue());
        assertEquals(
                1_234_567,
                body.getJsonObject("recording").getJsonNumber("bytes").longValue());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
