package org.headend.stream.entity;

/** What the publisher sends, as nginx-rtmp reports it; fields are null or 0 until known. */
public record InputInfo(
        String videoCodec,
        String audioCodec,
        int width,
        int height,
        double frameRate,
        long bitrateKbps,
        boolean hasAudio) {

    public static final InputInfo UNKNOWN = new InputInfo(null, null, 0, 0, 0, 0, true);

    public boolean knowsSize() {
        return width > 0 && height > 0;
    }
}
