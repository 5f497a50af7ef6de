package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whose a personal API token is: only its owner and admins may revoke it, and a local owner's
 * account (enabled, role) governs the token on every call.
 */
@ExtendWith(SharedHeadend.class)
class ApiTokenOwnersIT {

    @Test
    void aNonAdminCannotRevokeOrListSomebodyElsesToken(HeadendProcess app) {
        var adminsToken =
                app.admin().post("/api/v1/tokens", "{\"name\":\"admin's\"}").json();
        Api operator = ApiUsers.withRole(app, "operator");

        var refused = operator.delete("/api/v1/tokens/" + adminsToken.getString("id"));

        assertEquals(404, refused.status(), refused.body());
        assertTrue(refused.isProblem());
        assertEquals(
                200,
                app.api()
                        .as(adminsToken.getString("token"))
                        .get("/api/v1/users")
                        .status());
        assertEquals(403, operator.get("/api/v1/tokens?owner=admin").status());
    }

    @Test
    void anAdminMayListAndRevokeAnybodysToken(HeadendProcess app) {
        String username = Names.unique("owner");
        Api owner = ApiUsers.withRole(app, username, "operator");
        var owned = owner.post("/api/v1/tokens", "{\"name\":\"owned\"}").json();

        assertTrue(app.admin().get("/api/v1/tokens?owner=" + username).body().contains(owned.getString("id")));
        assertEquals(
                204,
                app.admin().delete("/api/v1/tokens/" + owned.getString("id")).status());
        assertEquals(
                401,
                app.api().as(owned.getString("token")).get("/api/v1/streams").status());
    }

    @Test
    void aDisabledOwnersTokensStopAndADemotedOnesDropToTheNewRole(HeadendProcess app) {
        String username = Names.unique("leaver");
        Api operator = ApiUsers.withRole(app, username, "operator");
        Api token = app.api()
                .as(operator.post("/api/v1/tokens", "{\"name\":\"scripts\"}")
                        .json()
                        .getString("token"));
        assertEquals(200, token.get("/api/v1/streams").status());

        app.admin()
                .put(
                        "/api/v1/users/" + username,
                        Json.createObjectBuilder().add("enabled", false).build());
        var refused = token.get("/api/v1/streams");
        assertEquals(401, refused.status());
        assertEquals(
                "The API token's owner is disabled or no longer exists.",
                refused.json().getString("detail"));

        app.admin()
                .put(
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
    void aDeletedOwnersTokensStop(HeadendProcess app) {
        String username = Names.unique("gone");
        Api viewer = ApiUsers.withRole(app, username, "viewer");
        Api token = app.api()
                .as(viewer.post("/api/v1/tokens", "{\"name\":\"x\"}").json().getString("token"));

        assertEquals(204, app.admin().delete("/api/v1/users/" + username).status());

        assertEquals(401, token.get("/api/v1/streams").status());
    }
}
