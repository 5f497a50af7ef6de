package org.headend.stream.entity;

import java.util.Locale;
import java.util.Optional;

/** How media reaches a stream. RTMP goes through nginx-rtmp; SRT and UDP through a listener of the app's. */
public enum InputType {
    RTMP,
    SRT,
    UDP;

    /** The lower-case name used in the API and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InputType> of(String id) {
        for (InputType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether the app runs a listener for it (and so a port is taken). */
    public boolean listens() {
        return this != RTMP;
    }
}
