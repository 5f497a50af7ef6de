package org.headend.webrtc.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * What the WebRTC bridge must know of a live source: whether its video must be encoded again (it
 * is not H.264, or its H.264 carries B-frames, which browsers' WebRTC decoders do not reorder) and
 * whether it has audio. Read from ffprobe's JSON; anything unknown takes the safe side, encoding
 * the video again.
 */
public record SourceTraits(boolean encodeVideo, boolean audio) {

    /** What cannot be copied for lack of knowledge: encoded again, audio expected. */
    public static final SourceTraits UNKNOWN = new SourceTraits(true, true);

    /** Profiles that have no B-frames by definition, whatever ffprobe says of reordering. */
    private static final Set<String> NO_B_FRAMES = Set.of("Baseline", "Constrained Baseline");

    /** From {@code ffprobe -show_entries stream=codec_type,codec_name,profile,has_b_frames -of json}. */
    public static SourceTraits of(JsonObject probe) {
        var streams = probe.getJsonArray("streams");
        if (streams == null) {
            return UNKNOWN;
        }
        boolean encode = true;
        boolean video = false;
        boolean audio = false;
        for (JsonValue value : streams) {
            JsonObject s = value.asJsonObject();
            String type = s.getString("codec_type", "");
            if (type.equals("audio")) {
                audio = true;
            } else if (type.equals("video") && !video) {
                video = true;
                boolean h264 = s.getString("codec_name", "").equals("h264");
                boolean baseline = NO_B_FRAMES.contains(s.getString("profile", ""));
                boolean reorders = !s.containsKey("has_b_frames") || s.getInt("has_b_frames") > 0;
                encode = !h264 || (!baseline && reorders);
            }
        }
        return video ? new SourceTraits(encode, audio) : UNKNOWN;
    }
}
