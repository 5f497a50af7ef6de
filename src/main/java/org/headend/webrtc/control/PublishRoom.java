package org.headend.webrtc.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The VideoRoom requests of one WHIP publisher: a private room of its own (one publisher, H.264
 * and Opus only, a keyframe asked for every {@link #FIR_SECONDS}), the publisher joined with its
 * offer, its media forwarded as RTP to the bridge's loopback ports, keyframes on demand, the room
 * destroyed at the end.
 */
final class PublishRoom {

    /** Janus asks the publisher for a keyframe this often: HLS segments need keyframes. */
    static final int FIR_SECONDS = 2;

    private PublishRoom() {}

    static JsonObject create(long room) {
        return Json.createObjectBuilder()
                .add("request", "create")
                .add("room", room)
                .add("is_private", true)
                .add("publishers", 1)
                .add("videocodec", "h264")
                .add("audiocodec", "opus")
                .add("fir_freq", FIR_SECONDS)
                .add("permanent", false)
                .build();
    }

    static JsonObject join(long room) {
        return Json.createObjectBuilder()
                .add("request", "joinandconfigure")
                .add("room", room)
                .add("ptype", "publisher")
                .add("display", "whip")
                .build();
    }

    static JsonObject offer(WhipOffer offer) {
        return Json.createObjectBuilder()
                .add("type", "offer")
                .add("sdp", offer.sdp())
                .build();
    }

    /**
     * Forwards what the publisher sends, by the mids Janus reported on joining ({@code joined}),
     * with the payload types the bridge's SDP names; audio only where the bridge takes it.
     */
    static JsonObject forward(long room, JsonObject joined, RtpPorts ports, boolean audio) {
        JsonArrayBuilder streams = Json.createArrayBuilder();
        List<JsonValue> published = joined.getJsonArray("streams") == null ? List.of() : joined.getJsonArray("streams");
        for (JsonValue v : published) {
            JsonObject s = v.asJsonObject();
            if ("video".equals(s.getString("type", ""))) {
                streams.add(stream(s, ports.video(), PublishBridge.VIDEO_PT));
            } else if ("audio".equals(s.getString("type", "")) && audio) {
                streams.add(stream(s, ports.audio(), PublishBridge.AUDIO_PT));
            }
        }
        return Json.createObjectBuilder()
                .add("request", "rtp_forward")
                .add("room", room)
                .add("publisher_id", joined.getJsonNumber("id").longValue())
                .add("host", "127.0.0.1")
                .add("host_family", "ipv4")
                .add("streams", streams)
                .build();
    }

    static JsonObject keyframe() {
        return Json.createObjectBuilder()
                .add("request", "configure")
                .add("keyframe", true)
                .build();
    }

    static JsonObject destroy(long room) {
        return Json.createObjectBuilder()
                .add("request", "destroy")
                .add("room", room)
                .build();
    }

    private static JsonObject stream(JsonObject joined, int port, int pt) {
        return Json.createObjectBuilder()
                .add("mid", joined.getString("mid"))
                .add("port", port)
                .add("pt", pt)
                .build();
    }
}
