package org.headend.webrtc.control;

import jakarta.json.JsonObject;

/** A plugin's answer to a request: its data, and the SDP it sent with it ({@code jsep}), if any. */
public record PluginReply(JsonObject data, JsonObject jsep) {

    public boolean hasJsep() {
        return jsep != null;
    }

    /** The SDP of the jsep, or null. */
    public String sdp() {
        return jsep == null ? null : jsep.getString("sdp", null);
    }
}
