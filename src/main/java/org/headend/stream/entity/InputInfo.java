package org.headend.stream.entity;

/**
 * What the publisher sends, as nginx-rtmp reports it; fields are null or 0 until known.
 * {@code bitrateKbps} is the whole input, {@code videoKbps} its video alone (nginx-rtmp measures
 * both over 10 s windows, so both read 0 for the first 10 s).
 */
public record InputInfo(
        String videoCodec,
        String audioCodec,
        int width,
        int height,
        double frameRate,
        long bitrateKbps,
        long videoKbps,
        boolean hasAudio) {

    public static final InputInfo UNKNOWN = new InputInfo(null, null, 0, 0, 0, 0, 0, true);

    public boolean knowsSize() {
        return width > 0 && height > 0;
    }
}
