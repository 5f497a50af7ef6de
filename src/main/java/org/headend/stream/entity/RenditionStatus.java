package org.headend.stream.entity;

/** One rendition of a live stream: produced, or skipped with the reason why. */
public record RenditionStatus(String name, int width, int height, int videoKbps, String state, String reason) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SKIPPED = "SKIPPED";

    private static final String SOURCE = "source";
    private static final String COPIED = "source copied without re-encoding";

    /**
     * The one rendition of a passthrough ladder. It is the source itself, so its size and video
     * bitrate are what nginx-rtmp measures of the input, and follow the input as it is measured.
     */
    public static RenditionStatus copyOf(InputInfo input) {
        return new RenditionStatus(SOURCE, input.width(), input.height(), (int) input.videoKbps(), ACTIVE, COPIED);
    }

    public boolean copiesSource() {
        return SOURCE.equals(name) && COPIED.equals(reason);
    }
}
