package org.headend.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signed events reach a real receiver: when a real publisher goes live and away, and after the receiver failed. */
@ExtendWith(SharedHeadend.class)
class WebhookIT {

    private static final String SECRET = "whsec-" + Names.unique("it");
    // The shared app retries after 5 s, then 10 s: two failures cost 15 s plus the polling.
    private static final Duration RETRIED = Duration.ofSeconds(60);

    private HeadendProcess app;
    private Api admin;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.admin = app.admin();
    }

    @Test
    void aPublisherGoingLiveAndAwayReachesTheReceiverSigned() {
        try (var receiver = Receiver.answering()) {
            String webhook = register(receiver, "stream.live", "stream.offline");
            String name = Names.unique("hooked");
            var stream = admin.post(
                    "/api/v1/streams",
                    Json.createObjectBuilder()
                            .add("name", name)
                            .add("ladder", "passthrough")
                            .build());
            assertEquals(201, stream.status(), stream.body());
            try (var publisher = Publisher.start(app.rtmpUrl(), stream.json().getString("streamKey"), 320, 180, 15)) {
                var live = awaitEvent(receiver, "stream.live", name, Duration.ofSeconds(60));
                assertSigned(live);
                assertEquals(
                        stream.json().getString("id"),
                        json(live).getJsonObject("stream").getString("id"));
            }
            var offline = awaitEvent(receiver, "stream.offline", name, Duration.ofSeconds(60));
            assertSigned(offline);
            assertTrue(Instant.parse(json(offline).getString("at"))
                    .isBefore(Instant.now().plusSeconds(5)));

            var deliveries = Await.until("both deliveries recorded as delivered", Duration.ofSeconds(10), () -> {
                var page =
                        admin.get("/api/v1/webhooks/" + webhook + "/deliveries").json();
                var items = page.getJsonArray("items").getValuesAs(JsonObject.class);
                return items.stream()
                                        .filter(d -> d.getString("state").equals("DELIVERED"))
                                        .count()
                                >= 2
                        ? items
                        : null;
            });
            assertEquals("stream.offline", deliveries.get(0).getString("event"), "newest first");
            Set<String> ids = deliveries.stream().map(d -> d.getString("id")).collect(Collectors.toSet());
            assertTrue(ids.contains(find(receiver, name, "stream.offline").header("X-Headend-Delivery")));
            assertEquals(204, admin.delete("/api/v1/webhooks/" + webhook).status());
        }
    }

    @Test
    void aReceiverThatFailedForAWhileGetsTheEventAfterwards() {
        try (var receiver = Receiver.failingFirst(2)) {
            String webhook = register(receiver, "recording.finished");
            var ping = admin.post("/api/v1/webhooks/" + webhook + "/test", "");
            assertEquals(202, ping.status(), ping.body());
            String delivery = ping.json().getString("id");

            var pending =
                    Await.until("a failed first attempt, still pending", RETRIED, () -> deliveries(webhook).stream()
                            .filter(d -> d.getString("id").equals(delivery) && d.getInt("attempts") >= 1)
                            .findFirst()
                            .orElse(null));
            if (pending.getString("state").equals("PENDING")) {
                assertEquals(500, pending.getInt("lastStatus"));
                assertTrue(pending.getString("lastError").contains("500"), pending.toString());
            }

            var delivered =
                    Await.until("the delivery to succeed on a retry", RETRIED, () -> deliveries(webhook).stream()
                            .filter(d -> d.getString("id").equals(delivery)
                                    && d.getString("state").equals("DELIVERED"))
                            .findFirst()
                            .orElse(null));
            assertEquals(3, delivered.getInt("attempts"));
            assertEquals(204, delivered.getInt("lastStatus"));

            List<Receiver.Received> got = receiver.received();
            assertEquals(
                    List.of(500, 500, 204),
                    got.stream().map(Receiver.Received::answered).toList());
            got.forEach(this::assertSigned);
            assertEquals(
                    Set.of(delivery),
                    got.stream().map(r -> r.header("X-Headend-Delivery")).collect(Collectors.toSet()),
                    "one delivery id across its retries");
            assertEquals("ping", got.get(2).header("X-Headend-Event"));

            String metrics =
                    Api.fetch(app.baseUrl() + "/metrics?scope=application").body();
            assertTrue(metrics.contains("headend_webhook_deliveries_total{"), metrics);
            assertTrue(metrics.contains("headend_webhook_pending"), metrics);
            assertEquals(204, admin.delete("/api/v1/webhooks/" + webhook).status());
        }
    }

    @Test
    void aDeadReceiverLeavesTheDeliveryPendingWithTheReasonInPlainWords() {
        String webhook = register("http://127.0.0.1:" + FreePorts.next() + "/nobody", "stream.live");
        var ping = admin.post("/api/v1/webhooks/" + webhook + "/test", "");
        assertEquals(202, ping.status(), ping.body());
        var tried = Await.until("a first attempt at a closed port", RETRIED, () -> deliveries(webhook).stream()
                .filter(d -> d.getInt("attempts") >= 1)
                .findFirst()
                .orElse(null));
        assertEquals("PENDING", tried.getString("state"), "retried later, not given up");
        assertTrue(!tried.containsKey("lastStatus") || tried.isNull("lastStatus"), tried.toString());
        assertTrue(tried.getString("lastError").startsWith("Cannot reach the receiver"), tried.toString());
        assertEquals(204, admin.delete("/api/v1/webhooks/" + webhook).status());
    }

    private String register(Receiver receiver, String... events) {
        return register(receiver.url(), events);
    }

    private String register(String url, String... events) {
        var events_ = Json.createArrayBuilder();
        for (String event : events) {
            events_.add(event);
        }
        var reply = admin.post(
                "/api/v1/webhooks",
                Json.createObjectBuilder()
                        .add("url", url)
                        .add("events", events_)
                        .add("secret", SECRET)
                        .build());
        assertEquals(201, reply.status(), reply.body());
        assertEquals("***", reply.json().getString("secret"));
        assertTrue(!reply.body().contains(SECRET), "the secret is never shown");
        return reply.json().getString("id");
    }

    private List<JsonObject> deliveries(String webhook) {
        var reply = admin.get("/api/v1/webhooks/" + webhook + "/deliveries?page=0&size=20");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private Receiver.Received awaitEvent(Receiver receiver, String type, String stream, Duration deadline) {
        return Await.until(type + " of " + stream + " at the receiver", deadline, () -> find(receiver, stream, type));
    }

    private Receiver.Received find(Receiver receiver, String stream, String type) {
        return receiver.received().stream()
                .filter(r -> type.equals(r.header("X-Headend-Event")))
                .filter(r -> json(r).getJsonObject("stream").getString("name").equals(stream))
                .findFirst()
                .orElse(null);
    }

    private void assertSigned(Receiver.Received request) {
        SignedEvents.assertSigned(SECRET, request);
    }

    private static JsonObject json(Receiver.Received request) {
        return SignedEvents.json(request);
    }
}
