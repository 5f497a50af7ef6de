package org.headend.webhook.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.headend.output.entity.OutputStateChanged;
import org.headend.recording.entity.RecordingFinished;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.webhook.entity.EventType;

/**
 * The JSON bodies receivers get: {@code type}, the {@code stream} ({@code id}, {@code name}),
 * {@code at} (an ISO-8601 instant), and what the event adds ({@code output}, {@code recording}).
 */
public final class EventBodies {

    private EventBodies() {}

    public static String stream(EventType type, StreamStateChanged change) {
        return base(type.wire(), change.streamId(), change.name(), change.at())
                .build()
                .toString();
    }

    public static String output(EventType type, OutputStateChanged change) {
        JsonObjectBuilder output = Json.createObjectBuilder();
        put(output, "id", change.outputId());
        put(output, "name", change.outputName());
        put(output, "from", change.from() == null ? null : change.from().name());
        put(output, "state", change.to() == null ? null : change.to().name());
        put(output, "lastError", change.lastError());
        return base(type.wire(), change.streamId(), change.streamName(), change.at())
                .add("output", output)
                .build()
                .toString();
    }

    public static String recording(RecordingFinished finished) {
        JsonObjectBuilder recording = Json.createObjectBuilder();
        put(recording, "id", finished.recordingId());
        put(recording, "state", finished.state());
        recording.add("durationMillis", finished.durationMillis()).add("bytes", finished.bytes());
        return base(EventType.RECORDING_FINISHED.wire(), finished.streamId(), finished.streamName(), finished.at())
                .add("recording", recording)
                .build()
                .toString();
    }

    /** A test event an admin sends to check a receiver and its signature check. */
    public static String ping(String webhookId, Instant at) {
        return Json.createObjectBuilder()
                .add("type", EventType.PING)
                .add("webhook", Json.createObjectBuilder().add("id", webhookId))
                .add("at", at.toString())
                .build()
                .toString();
    }

    private static JsonObjectBuilder base(String type, String streamId, String streamName, Instant at) {
        JsonObjectBuilder stream = Json.createObjectBuilder();
        put(stream, "id", streamId);
        put(stream, "name", streamName);
        return Json.createObjectBuilder()
                .add("type", type)
                .add("stream", stream)
                .add("at", (at == null ? Instant.now() : at).toString());
    }

    /** Leaves a missing value out rather than failing the event. */
    private static void put(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }
}
