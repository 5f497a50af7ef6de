package org.headend.stream.entity;

/** One rendition of a live stream: produced, or skipped with the reason why. */
public record RenditionStatus(String name, int width, int height, int videoKbps, String state, String reason) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SKIPPED = "SKIPPED";
}
