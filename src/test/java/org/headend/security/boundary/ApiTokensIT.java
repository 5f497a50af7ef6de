package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens end to end: made through the API, used as bearers with their owner's role,
 * listed without the secret, revoked, expired, and stopped with their owner's account. The app
 * runs on its own H2 file opened with AUTO_SERVER, so that the test can age a token in the
 * database instead of waiting days for it to expire.
 */
class ApiTokensIT {

    private static final String PASSWORD = "token-tester-Secret-1";
    private static HeadendProcess app;
    private static String dbUrl;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        Path home = java.nio.file.Files.createTempDirectory("headend-tokens-it-");
        dbUrl = "jdbc:h2:file:" + home.resolve("db/headend") + ";AUTO_SERVER=TRUE";
        app = new HeadendProcess(home, Map.of("HEADEND_DB_URL", dbUrl)).start();
        admin = app.admin();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void anAdminsTokenCarriesAdminRights() {
        var created = create(admin, "{\"name\":\"ci pipeline\",\"expiresInDays\":30}");

        assertEquals(201, created.status(), created.body());
        String secret = created.json().getString("token");
        assertTrue(secret.matches("hpat_[A-Za-z0-9_-]{32}"), secret);
        assertEquals("admin", created.json().getString("role"));
        assertEquals("ci pipeline", created.json().getString("name"));
        assertFalse(created.json().isNull("expiresAt"));
        assertEquals(200, bearer(secret).get("/api/v1/users").status());
    }

    @Test
    void aViewersTokenOnlyReads() {
        Api viewer = userWithRole("viewer");
        String secret = create(viewer, "{\"name\":\"dashboard\"}").json().getString("token");
        Api token = bearer(secret);

        assertEquals(200, token.get("/api/v1/streams").status());
        assertEquals(
                403,
                token.post("/api/v1/streams", "{\"name\":\"" + Names.unique("t") + "\"}")
                        .status());
        assertEquals(403, token.get("/api/v1/users").status());
    }

    @Test
    void theListShowsOwnTokensWithoutTheirSecret() {
        Api viewer = userWithRole("viewer");
        var created = create(viewer, "{\"name\":\"listed\"}").json();

        var list = viewer.get("/api/v1/tokens");

        assertEquals(200, list.status(), list.body());
        assertFalse(list.body().contains(created.getString("token")), "the secret is shown once only");
        assertFalse(list.body().contains("\"token\""), list.body());
        var items = array(list);
        assertEquals(1, items.size(), list.body());
        assertEquals(created.getString("id"), items.get(0).getString("id"));
        assertTrue(items.get(0).isNull("lastUsedAt"));
        assertFalse(admin.get("/api/v1/tokens").body().contains(created.getString("id")), "others' tokens");
    }

    @Test
    void aUseIsNoted() {
        Api viewer = userWithRole("viewer");
        var created = create(viewer, "{\"name\":\"used\"}").json();

        bearer(created.getString("token")).get("/api/v1/streams");

        assertFalse(array(viewer.get("/api/v1/tokens")).get(0).isNull("lastUsedAt"));
    }

    @Test
    void aRevokedTokenIsRefusedSayingSo() {
        var created = create(admin, "{\"name\":\"short-lived\"}").json();
        Api token = bearer(created.getString("token"));
        assertEquals(200, token.get("/api/v1/streams").status());

        assertEquals(
                204, admin.delete("/api/v1/tokens/" + created.getString("id")).status());

        var refused = token.get("/api/v1/streams");
        assertEquals(401, refused.status());
        assertTrue(refused.isProblem(), refused.contentType());
        assertEquals("The API token has been revoked.", refused.json().getString("detail"));
        assertFalse(admin.get("/api/v1/tokens").body().contains(created.getString("id")));
        assertEquals(
                404, admin.delete("/api/v1/tokens/" + created.getString("id")).status());
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() throws SQLException {
        var created =
                create(admin, "{\"name\":\"expiring\",\"expiresInDays\":1}").json();
        Api token = bearer(created.getString("token"));
        assertEquals(200, token.get("/api/v1/streams").status());

        expire(created.getString("id"));

        var refused = token.get("/api/v1/streams");
        assertEquals(401, refused.status());
        assertEquals("The API token has expired.", refused.json().getString("detail"));
        assertTrue(array(admin.get("/api/v1/tokens")).stream()
                .filter(t -> t.getString("id").equals(created.getString("id")))
                .allMatch(t -> t.getBoolean("expired")));
    }

    @Test
    void unknownAndMalformedTokensAreRefused() {
        var unknown = bearer("hpat_" + "A".repeat(32)).get("/api/v1/streams");
        var malformed = bearer("hpat_tooshort").get("/api/v1/streams");

        assertEquals(401, unknown.status());
        assertEquals("The API token is not known.", unknown.json().getString("detail"));
        assertEquals(401, malformed.status());
        assertEquals("The API token is malformed.", malformed.json().getString("detail"));
    }

    @Test
    void aNonAdminCannotRevokeSomebodyElsesToken() {
        var adminsToken = create(admin, "{\"name\":\"admin's\"}").json();
        Api viewer = userWithRole("operator");

        var refused = viewer.delete("/api/v1/tokens/" + adminsToken.getString("id"));

        assertEquals(404, refused.status(), refused.body());
        assertTrue(refused.isProblem());
        assertEquals(
                200, bearer(adminsToken.getString("token")).get("/api/v1/users").status());
        assertEquals(403, viewer.get("/api/v1/tokens?owner=admin").status());
    }

    @Test
    void anAdminMayRevokeAnybodysToken() {
        String username = Names.unique("owner");
        Api owner = userWithRole(username, "operator");
        var owned = create(owner, "{\"name\":\"owned\"}").json();

        assertTrue(admin.get("/api/v1/tokens?owner=" + username).body().contains(owned.getString("id")));
        assertEquals(
                204, admin.delete("/api/v1/tokens/" + owned.getString("id")).status());
        assertEquals(
                401, bearer(owned.getString("token")).get("/api/v1/streams").status());
    }

    @Test
    void aDisabledOrDemotedOwnersTokensFollowTheAccount() {
        String username = Names.unique("leaver");
        Api operator = userWithRole(username, "operator");
        Api token = bearer(create(operator, "{\"name\":\"scripts\"}").json().getString("token"));
        assertEquals(200, token.get("/api/v1/streams").status());

        admin.put(
                "/api/v1/users/" + username,
                Json.createObjectBuilder().add("enabled", false).build());
        var refused = token.get("/api/v1/streams");
        assertEquals(401, refused.status());
        assertEquals(
                "The API token's owner is disabled or no longer exists.",
                refused.json().getString("detail"));

        admin.put(
                "/api/v1/users/" + username,
                Json.createObjectBuilder()
                        .add("enabled", true)
                        .add("role", "viewer")
                        .build());
        assertEquals(200, token.get("/api/v1/streams").status());
        assertEquals(
                403,
                token.post("/api/v1/streams", "{\"name\":\"" + Names.unique("t") + "\"}")
                        .status());
    }

    @Test
    void badInputIsAProblem() {
        for (String body : List.of(
                "{}",
                "{\"name\":\"\"}",
                "{\"name\":42}",
                "{\"name\":\"x\",\"expiresInDays\":0}",
                "{\"name\":\"x\",\"expiresInDays\":\"7\"}",
                "{\"name\":\"x\",\"role\":\"admin\"}",
                "{\"name\":\"" + "x".repeat(65) + "\"}",
                "not json")) {
            var reply = create(admin, body);

            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertTrue(reply.isProblem(), body + ": " + reply.contentType());
        }
    }

    @Test
    void creationAndRevocationAreAuditedWithoutTheSecret() {
        var created = create(admin, "{\"name\":\"audited\"}").json();
        admin.delete("/api/v1/tokens/" + created.getString("id"));

        var trail = admin.get("/api/v1/audit?object=token/" + created.getString("id"));

        assertEquals(200, trail.status(), trail.body());
        assertTrue(trail.body().contains("token.create"), trail.body());
        assertTrue(trail.body().contains("token.revoke"), trail.body());
        assertFalse(trail.body().contains(created.getString("token")), "secrets are never audited");
    }

    @Test
    void tokensNeedASignedInCaller() {
        assertEquals(401, app.api().get("/api/v1/tokens").status());
        assertEquals(401, create(app.api(), "{\"name\":\"x\"}").status());
    }

    private static Api.Reply create(Api as, String body) {
        return as.post("/api/v1/tokens", body);
    }

    private static Api bearer(String secret) {
        return app.api().as(secret);
    }

    private static Api userWithRole(String role) {
        return userWithRole(Names.unique(role), role);
    }

    private static Api userWithRole(String username, String role) {
        var made = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)
                        .add("role", role)
                        .build());
        assertEquals(201, made.status(), made.body());
        var token = app.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", PASSWORD)
                                .build());
        return app.api().as(token.json().getString("access_token"));
    }

    private static List<JsonObject> array(Api.Reply reply) {
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    /** Moves a token's expiry into the past, as the passing of its days would. */
    private static void expire(String id) throws SQLException {
        try (var db = DriverManager.getConnection(dbUrl, "", "");
                var update = db.prepareStatement("UPDATE api_tokens SET expires_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
