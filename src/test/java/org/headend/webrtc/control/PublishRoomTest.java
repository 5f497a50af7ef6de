package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class PublishRoomTest {

    private static final JsonObject JOINED = Json.createObjectBuilder()
            .add("id", 42)
            .add(
                    "streams",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("type", "audio").add("mid", "0"))
                            .add(Json.createObjectBuilder().add("type", "video").add("mid", "1")))
            .build();

    @Test
    void mediaIsForwardedByMidToTheBridgePortsWithItsPayloadTypes() {
        JsonObject forward = PublishRoom.forward(7, JOINED, new RtpPorts(40000, 40002), true);
        assertEquals("rtp_forward", forward.getString("request"));
        assertEquals(42, forward.getJsonNumber("publisher_id").longValue());
        assertEquals("127.0.0.1", forward.getString("host"));
        var streams = forward.getJsonArray("streams");
        assertEquals(2, streams.size());
        assertEquals("0", streams.getJsonObject(0).getString("mid"));
        assertEquals(40002, streams.getJsonObject(0).getInt("port"));
        assertEquals(111, streams.getJsonObject(0).getInt("pt"));
        assertEquals("1", streams.getJsonObject(1).getString("mid"));
        assertEquals(40000, streams.getJsonObject(1).getInt("port"));
        assertEquals(96, streams.getJsonObject(1).getInt("pt"));
    }

    @Test
    void audioTheBridgeDoesNotTakeIsNotForwarded() {
        var streams = PublishRoom.forward(7, JOINED, new RtpPorts(40000, 40002), false)
                .getJsonArray("streams");
        assertEquals(1, streams.size());
        assertEquals("1", streams.getJsonObject(0).getString("mid"));
    }

    @Test
    void theRoomIsPrivateForOnePublisherOfH264AndOpus() {
        JsonObject create = PublishRoom.create(7);
        assertEquals(true, create.getBoolean("is_private"));
        assertEquals(1, create.getInt("publishers"));
        assertEquals("h264", create.getString("videocodec"));
        assertEquals("opus", create.getString("audiocodec"));
        assertEquals(PublishRoom.FIR_SECONDS, create.getInt("fir_freq"));
    }
}
