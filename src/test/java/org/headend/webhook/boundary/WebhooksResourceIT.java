package org.headend.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Managing webhooks: what is refused, who may, and that the secret never comes back out. */
@ExtendWith(SharedHeadend.class)
class WebhooksResourceIT {

    private static final String SECRET = "whsec-" + Names.unique("crud") + "-x";

    private HeadendProcess app;
    private Api admin;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.admin = app.admin();
    }

    private static JsonObject webhook(String url, String event, String secret) {
        return Json.createObjectBuilder()
                .add("url", url)
                .add("events", Json.createArrayBuilder().add(event))
                .add("secret", secret)
                .build();
    }

    @Test
    void badInputIsAProblemAndNeverEchoesTheSecret() {
        String ok = "https://hooks.example.com/headend";
        assertRefused(admin.post("/api/v1/webhooks", webhook("ftp://hooks.example.com/x", "stream.live", SECRET)));
        assertRefused(admin.post("/api/v1/webhooks", webhook("http:///no-host", "stream.live", SECRET)));
        assertRefused(
                admin.post("/api/v1/webhooks", webhook("http://hooks.example.com:70000/x", "stream.live", SECRET)));
        assertRefused(
                admin.post("/api/v1/webhooks", webhook("http://user:pw@hooks.example.com/x", "stream.live", SECRET)));
        assertRefused(admin.post("/api/v1/webhooks", webhook(ok, "stream.exploded", SECRET)));
        assertRefused(admin.post("/api/v1/webhooks", webhook(ok, "stream.live", "too-short")));
        assertRefused(admin.post("/api/v1/webhooks", webhook(ok, "stream.live", "x".repeat(257))));
        assertRefused(admin.post(
                "/api/v1/webhooks",
                "{\"url\":\"" + ok + "\",\"events\":\"stream.live\",\"secret\":\"" + SECRET + "\"}"));
        assertRefused(
                admin.post("/api/v1/webhooks", "{\"url\":\"" + ok + "\",\"events\":[],\"secret\":\"" + SECRET + "\"}"));
        assertRefused(admin.post(
                "/api/v1/webhooks",
                "{\"url\":\"" + ok + "\",\"events\":[\"stream.live\"],\"secret\":\"" + SECRET + "\",\"x\":1}"));
        assertEquals(404, admin.get("/api/v1/webhooks/no-such-id").status());
        assertRefused(admin.get("/api/v1/webhooks/no-such-id/deliveries?size=0"));
    }

    @Test
    void anAdminManagesWebhooksAndTheSecretStaysHidden() {
        var created =
                admin.post("/api/v1/webhooks", webhook("https://hooks.example.com/a?token=abc", "stream.live", SECRET));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals("***", created.json().getString("secret"));
        assertEquals("…" + SECRET.substring(SECRET.length() - 4), created.json().getString("secretHint"));

        var changed = admin.put(
                "/api/v1/webhooks/" + id,
                Json.createObjectBuilder()
                        .add(
                                "events",
                                Json.createArrayBuilder().add("stream.offline").add("output.failed"))
                        .add("secret", SECRET + "-rotated")
                        .build());
        assertEquals(200, changed.status(), changed.body());
        assertEquals("https://hooks.example.com/a?token=abc", changed.json().getString("url"));
        assertEquals(2, changed.json().getJsonArray("events").size());

        for (var reply : new Api.Reply[] {
            created,
            changed,
            admin.get("/api/v1/webhooks"),
            admin.get("/api/v1/webhooks/" + id),
            admin.get("/api/v1/audit?object=webhook/" + id)
        }) {
            assertFalse(reply.body().contains(SECRET), "no secret in " + reply.body());
        }
        String audit = admin.get("/api/v1/audit?object=webhook/" + id).body();
        assertTrue(audit.contains("webhook.create") && audit.contains("webhook.update"), audit);
        assertFalse(audit.contains("token=abc"), "the URL's query stays out of the audit trail");
        assertFalse(app.log().toFile().exists() && readLog().contains(SECRET), "no secret in the log");

        assertEquals(204, admin.delete("/api/v1/webhooks/" + id).status());
        assertEquals(404, admin.get("/api/v1/webhooks/" + id).status());
        assertTrue(admin.get("/api/v1/audit?object=webhook/" + id).body().contains("webhook.delete"));
    }

    @Test
    void operatorsAndViewersMayNotTouchWebhooks() {
        for (String role : new String[] {"operator", "viewer"}) {
            Api caller = ApiUsers.withRole(app, role);
            assertEquals(403, caller.get("/api/v1/webhooks").status());
            var post = caller.post("/api/v1/webhooks", webhook("https://hooks.example.com/x", "stream.live", SECRET));
            assertEquals(403, post.status());
            assertTrue(post.isProblem());
        }
        assertEquals(401, app.api().get("/api/v1/webhooks").status());
    }

    private String readLog() {
        try {
            return java.nio.file.Files.readString(app.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRefused(Api.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.isProblem(), reply.contentType());
        assertFalse(reply.body().contains(SECRET), "no secret in " + reply.body());
    }
}
