package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal API tokens through the API: made, used as bearers with their owner's role, listed
 * without the secret, revoked, refused with the reason, and audited without the secret.
 */
@ExtendWith(SharedHeadend.class)
class ApiTokensIT {

    @Test
    void anAdminsTokenCarriesAdminRights(HeadendProcess app) {
        var created = app.admin().post("/api/v1/tokens", "{\"name\":\"ci pipeline\",\"expiresInDays\":30}");

        assertEquals(201, created.status(), created.body());
        String secret = created.json().getString("token");
        assertTrue(secret.matches("hpat_[A-Za-z0-9_-]{32}"), secret);
        assertEquals("admin", created.json().getString("role"));
        assertEquals("ci pipeline", created.json().getString("name"));
        assertFalse(created.json().isNull("expiresAt"));
        assertEquals(200, app.api().as(secret).get("/api/v1/users").status());
    }

    @Test
    void aViewersTokenOnlyReads(HeadendProcess app) {
        Api viewer = ApiUsers.withRole(app, "viewer");
        Api token = app.api().as(secretOf(viewer.post("/api/v1/tokens", "{\"name\":\"dashboard\"}")));

        assertEquals(200, token.get("/api/v1/streams").status());
        assertEquals(
                403,
                token.post("/api/v1/streams", "{\"name\":\"" + Names.unique("t") + "\"}")
                        .status());
        assertEquals(403, token.get("/api/v1/users").status());
    }

    @Test
    void theListShowsOwnTokensWithoutTheirSecret(HeadendProcess app) {
        Api viewer = ApiUsers.withRole(app, "viewer");
        var created = viewer.post("/api/v1/tokens", "{\"name\":\"listed\"}").json();

        var list = viewer.get("/api/v1/tokens");

        assertEquals(200, list.status(), list.body());
        assertFalse(list.body().contains(created.getString("token")), "the secret is shown once only");
        assertFalse(list.body().contains("\"token\""), list.body());
        var items = ApiUsers.array(list);
        assertEquals(1, items.size(), list.body());
        assertEquals(created.getString("id"), items.get(0).getString("id"));
        assertTrue(items.get(0).isNull("lastUsedAt"));
        assertFalse(app.admin().get("/api/v1/tokens").body().contains(created.getString("id")), "others' tokens");
    }

    @Test
    void aUseIsNoted(HeadendProcess app) {
        Api viewer = ApiUsers.withRole(app, "viewer");
        String secret = secretOf(viewer.post("/api/v1/tokens", "{\"name\":\"used\"}"));

        app.api().as(secret).get("/api/v1/streams");

        assertFalse(ApiUsers.array(viewer.get("/api/v1/tokens")).get(0).isNull("lastUsedAt"));
    }

    @Test
    void aRevokedTokenIsRefusedSayingSo(HeadendProcess app) {
        Api admin = app.admin();
        var created = admin.post("/api/v1/tokens", "{\"name\":\"short-lived\"}").json();
        Api token = app.api().as(created.getString("token"));
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
    void unknownAndMalformedTokensAreRefusedSayingSo(HeadendProcess app) {
        var unknown = app.api().as("hpat_" + "A".repeat(32)).get("/api/v1/streams");
        var malformed = app.api().as("hpat_tooshort").get("/api/v1/streams");

        assertEquals(401, unknown.status());
        assertEquals("The API token is not known.", unknown.json().getString("detail"));
        assertEquals(401, malformed.status());
        assertEquals("The API token is malformed.", malformed.json().getString("detail"));
    }

    @Test
    void badInputIsAProblem(HeadendProcess app) {
        Api admin = app.admin();
        for (String body : List.of(
                "{}",
                "{\"name\":\"\"}",
                "{\"name\":42}",
                "{\"name\":\"x\",\"expiresInDays\":0}",
                "{\"name\":\"x\",\"expiresInDays\":\"7\"}",
                "{\"name\":\"x\",\"role\":\"admin\"}",
                "{\"name\":\"" + "x".repeat(65) + "\"}",
                "not json")) {
            var reply = admin.post("/api/v1/tokens", body);

            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertTrue(reply.isProblem(), body + ": " + reply.contentType());
        }
    }

    @Test
    void creationAndRevocationAreAuditedWithoutTheSecret(HeadendProcess app) {
        Api admin = app.admin();
        var created = admin.post("/api/v1/tokens", "{\"name\":\"audited\"}").json();
        admin.delete("/api/v1/tokens/" + created.getString("id"));

        var trail = admin.get("/api/v1/audit?object=token/" + created.getString("id"));

        assertEquals(200, trail.status(), trail.body());
        assertTrue(trail.body().contains("token.create"), trail.body());
        assertTrue(trail.body().contains("token.revoke"), trail.body());
        assertFalse(trail.body().contains(created.getString("token")), "secrets are never audited");
    }

    @Test
    void tokensNeedASignedInCaller(HeadendProcess app) {
        assertEquals(401, app.api().get("/api/v1/tokens").status());
        assertEquals(401, app.api().post("/api/v1/tokens", "{\"name\":\"x\"}").status());
    }

    private static String secretOf(Api.Reply created) {
        assertEquals(201, created.status(), created.body());
        return created.json().getString("token");
    }
}
