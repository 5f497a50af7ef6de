package org.headend.webhook.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a webhook can subscribe to, by the name receivers see in {@code type}. */
public enum EventType {
    STREAM_LIVE("stream.live"),
    STREAM_OFFLINE("stream.offline"),
    OUTPUT_FAILED("output.failed"),
    OUTPUT_RECOVERED("output.recovered"),
    RECORDING_FINISHED("recording.finished");

    /** Not subscribable: sent on demand to check a receiver. */
    public static final String PING = "ping";

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EventType::wire).toList();
    }
}
