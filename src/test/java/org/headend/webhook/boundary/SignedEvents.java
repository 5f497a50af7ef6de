package org.headend.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.headend.testing.Await;

/** What a receiver checks on the events it got: finds them by type and stream, and verifies their signature. */
final class SignedEvents {

    private final Receiver receiver;
    private final String secret;

    SignedEvents(Receiver receiver, String secret) {
        this.receiver = receiver;
        this.secret = secret;
    }

    /** The events of this type about this stream, in the order they arrived. */
    List<Received> of(String type, String stream) {
        return receiver.received().stream()
                .filter(r -> type.equals(r.header("X-Headend-Event")))
                .map(r -> new Received(r, json(r)))
                .filter(r -> r.body().getJsonObject("stream").getString("name").equals(stream))
                .toList();
    }

    Received await(String type, String stream, Predicate<JsonObject> matching, Duration deadline) {
        return Await.until(type + " of " + stream + " at the receiver", deadline, () -> of(type, stream).stream()
                .filter(r -> matching.test(r.body()))
                .findFirst()
                .orElse(null));
    }

    void assertSigned(Receiver.Received request) {
        assertSigned(secret, request);
    }

    /** Signed with the secret over the exact body, with the delivery headers a receiver relies on. */
    static void assertSigned(String secret, Receiver.Received request) {
        assertEquals("sha256=" + hmacSha256Hex(secret, request.body()), request.header("X-Headend-Signature"));
        assertNotNull(request.header("X-Headend-Delivery"));
        assertEquals(json(request).getString("type"), request.header("X-Headend-Event"));
        long sent = Long.parseLong(request.header("X-Headend-Timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sent) < 120, "a current timestamp");
    }

    /** A request as received, with its body parsed. */
    record Received(Receiver.Received request, JsonObject body) {}

    static JsonObject json(Receiver.Received request) {
        try (var reader = Json.createReader(new StringReader(request.text()))) {
            return reader.readObject();
        }
    }

    /** Computed here as a receiver would, not with the app's own code. */
    private static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
