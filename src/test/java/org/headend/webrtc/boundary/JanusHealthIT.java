package org.headend.webrtc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.headend.testing.HeadendProcess;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells what keeps WebRTC from working: settings Janus must not be started with (the
 * app starts without it and says why), and WebRTC switched off (ready, saying so).
 */
class JanusHealthIT {

    @Test
    void badSettingsKeepJanusDownAndSayWhyWhileTheRestOfTheAppRuns() throws Exception {
        try (var app = HeadendProcess.inTempHome(Map.of(
                        "HEADEND_WEBRTC_PORTS", "80-90",
                        "HEADEND_WEBRTC_PUBLIC_ADDRESS", "media.example.com"))
                .start()) {
            var ready = app.api().get("/health/ready");
            assertEquals(503, ready.status(), ready.body());
            JsonObject janus = check(ready.json(), "janus");
            assertEquals("DOWN", janus.getString("status"));
            String reason = janus.getJsonObject("data").getString("reason");
            assertTrue(reason.contains("headend.webrtc.ports '80-90'"), reason);
            assertTrue(
                    reason.contains("headend.webrtc.public-address 'media.example.com' is not an IP address"), reason);
            assertEquals("UP", check(ready.json(), "nginx-rtmp").getString("status"), "the rest of the app runs");
            assertEquals(List.of(), app.children("janus"), "no Janus started");
            assertFalse(Files.exists(app.home().resolve("janus/conf/janus.jcfg")), "no configuration written");
            assertTrue(Files.readString(app.log()).contains("Janus is not started: headend.webrtc.ports '80-90'"));
        }
    }

    @Test
    void withWebRtcOffTheAppIsReadyWithoutJanus() {
        try (var app = HeadendProcess.inTempHome(Map.of("HEADEND_WEBRTC_ENABLED", "false"))
                .start()) {
            var ready = app.api().get("/health/ready");
            assertEquals(200, ready.status(), ready.body());
            JsonObject janus = check(ready.json(), "janus");
            assertEquals("UP", janus.getString("status"));
            // Payara writes health data as strings.
            assertEquals("false", janus.getJsonObject("data").getString("enabled"), janus.toString());
            assertEquals(List.of(), app.children("janus"));
        }
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
