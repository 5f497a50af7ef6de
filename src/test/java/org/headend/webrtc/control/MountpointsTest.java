package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class MountpointsTest {

    @Test
    void definesAnRtpMountpointOfH264AndOpusOnLoopbackPortsJanusChooses() {
        JsonObject cut = Mountpoints.definition(42, "stream s1");

        assertEquals("create", cut.getString("request"));
        assertEquals("rtp", cut.getString("type"));
        assertEquals(42, cut.getJsonNumber("id").longValue());
        assertFalse(cut.getBoolean("permanent"));
        JsonObject video = cut.getJsonArray("media").getJsonObject(0);
        assertEquals("video", video.getString("type"));
        assertEquals("h264", video.getString("codec"));
        assertEquals(96, video.getInt("pt"));
        assertEquals("profile-level-id=42e01f;packetization-mode=1", video.getString("fmtp"));
        assertEquals(0, video.getInt("port"));
        assertEquals("127.0.0.1", video.getString("iface"));
        JsonObject audio = cut.getJsonArray("media").getJsonObject(1);
        assertEquals("opus", audio.getString("codec"));
        assertEquals(111, audio.getInt("pt"));
        assertEquals("127.0.0.1", audio.getString("iface"));
    }
}
