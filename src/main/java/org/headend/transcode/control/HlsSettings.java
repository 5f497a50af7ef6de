package org.headend.transcode.control;

/**
 * How HLS is cut: segment length in seconds and how many segments a media playlist keeps. An
 * encoded ladder's first segment is shorter, so a new stream is playable sooner; every later
 * segment keeps the full length.
 */
public record HlsSettings(int segmentSeconds, int listSize) {

    /** Enough for a player to start on: at 2 s segments it makes a stream playable a second sooner. */
    static final int FIRST_SEGMENT_SECONDS = 1;

    /** Whether the first segment is cut shorter than the others. */
    boolean shortFirstSegment() {
        return segmentSeconds > FIRST_SEGMENT_SECONDS;
    }

    /**
     * The encoders' keyframe times as an ffmpeg {@code -force_key_frames} expression: the first
     * frame, the end of the short first segment, then one segment length after another. The HLS
     * muxer cuts at the first keyframe at or after each segment's end, so these are the cuts.
     */
    String keyframes() {
        if (!shortFirstSegment()) {
            return "expr:gte(t,n_forced*" + segmentSeconds + ")";
        }
        return "expr:gte(t,if(eq(n_forced,0),0," + FIRST_SEGMENT_SECONDS + "+(n_forced-1)*" + segmentSeconds + "))";
    }
}
