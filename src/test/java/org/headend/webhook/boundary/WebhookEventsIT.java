package org.headend.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.Recordings;
import org.headend.testing.RtmpDestination;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The output and recording events end to end: a real publisher, an output into a second
 * nginx-rtmp that is killed and brought back, a recording started and stopped; a real receiver
 * checks each event's body and signature.
 */
@ExtendWith(SharedHeadend.class)
class WebhookEventsIT {

    private static final String SECRET = "whsec-" + Names.unique("events");
    private static final Duration DELIVERED = Duration.ofSeconds(30);

    private HeadendProcess app;
    private Recordings recordings;
    private Api admin;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.recordings = Recordings.asAdmin(app);
        this.admin = recordings.api();
    }

    @Test
    void aLiveOutputLosingItsDestinationIsOneFailureAndItsReturnARecovery() {
        JsonObject stream = recordings.stream(Names.unique("hookout"), "off");
        String name = stream.getString("name");
        String outputs = "/api/v1/streams/" + stream.getString("id") + "/outputs";
        try (var receiver = Receiver.answering();
                var destination = new RtmpDestination()) {
            var events = new SignedEvents(receiver, SECRET);
            String webhook = register(receiver, "output.failed", "output.recovered");
            var created = admin.post(
                    outputs,
                    Json.createObjectBuilder()
                            .add("name", "backup")
                            .add("url", destination.url("hooked"))
                            .build());
            assertEquals(201, created.status(), created.body());
            String output = created.json().getString("id");

            try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
                admin.awaitState(outputs + "/" + output, "LIVE", Duration.ofSeconds(40));
                destination.kill();
                var failed = events.await("output.failed", name, b -> isOf(b, output), DELIVERED);
                events.assertSigned(failed.request());
                JsonObject lost = failed.body().getJsonObject("output");
                assertEquals("backup", lost.getString("name"));
                assertEquals("LIVE", lost.getString("from"));
                assertTrue(lost.getString("state").matches("RETRYING|FAILED"), lost.toString());
                assertFalse(lost.getString("lastError").isBlank(), "says why");

                destination.start();
                var recovered = events.await("output.recovered", name, b -> isOf(b, output), DELIVERED);
                events.assertSigned(recovered.request());
                assertEquals("LIVE", recovered.body().getJsonObject("output").getString("state"));
                assertEquals(
                        "LIVE",
                        admin.awaitState(outputs + "/" + output, "LIVE", Duration.ofSeconds(5))
                                .getString("state"));
                assertTrue(
                        admin.get(outputs + "/" + output).json().getInt("restarts") >= 1,
                        "the output was retried while its destination was away");
                assertEquals(1, events.of("output.failed", name).size(), "one failure, however many retries");
                assertEquals(1, events.of("output.recovered", name).size());
            }
            assertEquals(204, admin.delete("/api/v1/webhooks/" + webhook).status());
        } finally {
            admin.delete("/api/v1/streams/" + stream.getString("id") + "?force=true");
        }
    }

    @Test
    void aFinishedRecordingReachesTheReceiverWithItsIdDurationAndSize() {
        JsonObject stream = recordings.stream(Names.unique("hookrec"), "off");
        String name = stream.getString("name");
        try (var receiver = Receiver.answering()) {
            var events = new SignedEvents(receiver, SECRET);
            String webhook = register(receiver, "recording.finished");
            String id;
            try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
                recordings.awaitStreamState(stream, "LIVE");
                var started = admin.post("/api/v1/streams/" + stream.getString("id") + "/recordings", "");
                assertEquals(201, started.status(), started.body());
                id = started.json().getString("id");
                recordings.awaitSize(id, 50_000);
                assertEquals(
                        200,
                        admin.post("/api/v1/recordings/" + id + "/stop", "").status());
            }
            JsonObject ready = recordings.awaitRecording(id, "READY", Duration.ofSeconds(60));

            var finished = events.await(
                    "recording.finished",
                    name,
                    b -> b.getJsonObject("recording").getString("id").equals(id),
                    DELIVERED);
            events.assertSigned(finished.request());
            JsonObject recording = finished.body().getJsonObject("recording");
            assertEquals("READY", recording.getString("state"));
            assertEquals(
                    stream.getString("id"),
                    finished.body().getJsonObject("stream").getString("id"));
            assertEquals(
                    Math.round(ready.getJsonNumber("durationSeconds").doubleValue() * 1000),
                    recording.getJsonNumber("durationMillis").longValue());
            assertTrue(recording.getJsonNumber("durationMillis").longValue() > 1000, recording.toString());
            assertEquals(
                    ready.getJsonNumber("sizeBytes").longValue(),
                    recording.getJsonNumber("bytes").longValue());
            assertEquals(1, events.of("recording.finished", name).size(), "once per recording");
            assertEquals(204, admin.delete("/api/v1/webhooks/" + webhook).status());
        } finally {
            admin.delete("/api/v1/streams/" + stream.getString("id") + "?force=true");
        }
    }

    private static boolean isOf(JsonObject body, String output) {
        return body.getJsonObject("output").getString("id").equals(output);
    }

    private String register(Receiver receiver, String... events) {
        var subscribed = Json.createArrayBuilder();
        for (String event : events) {
            subscribed.add(event);
        }
        var reply = admin.post(
                "/api/v1/webhooks",
                Json.createObjectBuilder()
                        .add("url", receiver.url())
                        .add("events", subscribed)
                        .add("secret", SECRET)
                        .build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }
}
