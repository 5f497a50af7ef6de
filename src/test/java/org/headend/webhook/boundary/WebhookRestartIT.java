package org.headend.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.junit.jupiter.api.Test;

/**
 * A delivery is stored before it is tried: one still pending when the app stops is delivered by
 * the next start. Its own app, with a short backoff ({@code HEADEND_WEBHOOK_RETRY_INITIAL=PT1S}).
 */
class WebhookRestartIT {

    private static final Map<String, String> ENV =
            Map.of("HEADEND_WEBHOOK_RETRY_INITIAL", "PT1S", "HEADEND_WEBHOOK_RETRY_MAX", "PT2S");
    private static final String SECRET = "restart-secret-0123456789";

    @Test
    void aDeliveryPendingAtShutdownIsDeliveredAfterTheRestart() throws Exception {
        var home = Files.createTempDirectory("headend-it-");
        int port = FreePorts.next();
        String webhook;
        String delivery;
        try (var first = new HeadendProcess(home, ENV).start()) {
            Api admin = first.admin();
            var created = admin.post(
                    "/api/v1/webhooks",
                    Json.createObjectBuilder()
                            .add("url", "http://127.0.0.1:" + port + "/hook")
                            .add("events", Json.createArrayBuilder().add("stream.live"))
                            .add("secret", SECRET)
                            .build());
            assertEquals(201, created.status(), created.body());
            webhook = created.json().getString("id");
            delivery = admin.post("/api/v1/webhooks/" + webhook + "/test", "")
                    .json()
                    .getString("id");
            Await.until(
                    "two attempts 1 s apart at a closed port",
                    Duration.ofSeconds(30),
                    () -> deliveries(admin, webhook).get(0).getInt("attempts") >= 2);
        }
        try (var receiver = Receiver.answeringOn(port);
                var second = new HeadendProcess(home, ENV).start()) {
            var got = Await.until(
                    "the pending delivery after the restart",
                    Duration.ofSeconds(90),
                    () -> receiver.received().stream().findFirst().orElse(null));
            assertEquals(delivery, got.header("X-Headend-Delivery"));
            assertTrue(got.header("X-Headend-Signature").startsWith("sha256="));
            Api admin = second.admin();
            var delivered = Await.until("the delivery recorded as delivered", Duration.ofSeconds(10), () -> {
                JsonObject d = deliveries(admin, webhook).get(0);
                return d.getString("state").equals("DELIVERED") ? d : null;
            });
            assertTrue(delivered.getInt("attempts") >= 3, delivered.toString());
        }
    }

    private static List<JsonObject> deliveries(Api admin, String webhook) {
        return admin.get("/api/v1/webhooks/" + webhook + "/deliveries")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }
}
