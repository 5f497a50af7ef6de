package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Local users, and what each role may do with the API. */
@ExtendWith(SharedHeadend.class)
class UsersResourceIT {

    private static final String PASSWORD = "long-enough-Secret-7";

    private HeadendProcess app;
    private Api admin;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.admin = app.admin();
    }

    private String createUser(String role) {
        String username = Names.unique(role);
        JsonObject user = Json.createObjectBuilder()
                .add("username", username)
                .add("password", PASSWORD)
                .add("role", role)
                .build();
        var created = admin.post("/api/v1/users", user);
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(PASSWORD), "the password is write-only");
        assertFalse(created.json().containsKey("password"));
        return username;
    }

    private Api signedIn(String username) {
        var reply = app.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", PASSWORD)
                                .build());
        assertEquals(200, reply.status(), reply.body());
        return app.api().as(reply.json().getString("access_token"));
    }

    @Test
    void aViewerReadsButChangesNothing() {
        Api viewer = signedIn(createUser("viewer"));
        assertEquals(200, viewer.get("/api/v1/streams").status());
        assertEquals(200, viewer.get("/api/v1/ladders").status());
        var create = viewer.post("/api/v1/streams", "{\"name\":\"" + Names.unique("v") + "\"}");
        assertEquals(403, create.status());
        assertTrue(create.isProblem());
        assertEquals(403, viewer.delete("/api/v1/ladders/default").status());
        assertEquals(403, viewer.get("/api/v1/users").status());
        assertEquals(403, viewer.get("/api/v1/audit").status());
    }

    @Test
    void anOperatorRunsStreamsButNotUsersOrTheAuditTrail() {
        Api operator = signedIn(createUser("operator"));
        assertEquals(
                201,
                operator.post("/api/v1/streams", "{\"name\":\"" + Names.unique("o") + "\"}")
                        .status());
        assertEquals(403, operator.get("/api/v1/users").status());
        assertEquals(403, operator.post("/api/v1/users", "{}").status());
        assertEquals(403, operator.get("/api/v1/audit").status());
        assertEquals(403, operator.get("/api/v1/audit.csv").status());
    }

    @Test
    void aUsernameIsOneAccountInAnyCase() {
        String typed = Names.unique("Case-User");
        String stored = typed.toLowerCase(Locale.ROOT);
        JsonObject user = Json.createObjectBuilder()
                .add("username", typed)
                .add("password", PASSWORD)
                .add("role", "viewer")
                .build();

        var created = admin.post("/api/v1/users", user);

        assertEquals(201, created.status(), created.body());
        assertEquals(stored, created.json().getString("username"));
        var again = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", stored)
                        .add("password", PASSWORD)
                        .add("role", "admin")
                        .build());
        assertEquals(409, again.status(), again.body());
        assertEquals(
                stored,
                admin.get("/api/v1/users/" + typed.toUpperCase(Locale.ROOT))
                        .json()
                        .getString("username"));
        for (String spelling : List.of(typed.toUpperCase(Locale.ROOT), " " + typed, stored)) {
            var reply = app.api()
                    .post(
                            "/api/v1/auth/token",
                            Json.createObjectBuilder()
                                    .add("username", spelling)
                                    .add("password", PASSWORD)
                                    .build());
            assertEquals(200, reply.status(), spelling + ": " + reply.body());
            String jwt = reply.json().getString("access_token");
            String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"upn\":\"" + stored + "\""), spelling + ": " + claims);
        }
    }

    @Test
    void aDisabledUserCannotSignIn() {
        String username = createUser("operator");
        var disabled = admin.put(
                "/api/v1/users/" + username,
                Json.createObjectBuilder().add("enabled", false).build());
        assertEquals(200, disabled.status(), disabled.body());
        var reply = app.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", PASSWORD)
                                .build());
        assertEquals(401, reply.status());
    }

    @Test
    void badUsersAreRefusedAndNothingIsCreated() {
        String username = Names.unique("bad");
        var shortPassword = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", "short")
                        .add("role", "viewer")
                        .build());
        assertEquals(400, shortPassword.status());
        var unknownRole = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)
                        .add("role", "root")
                        .build());
        assertEquals(400, unknownRole.status());
        var badName = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", "../etc")
                        .add("password", PASSWORD)
                        .add("role", "viewer")
                        .build());
        assertEquals(400, badName.status());
        assertEquals(404, admin.get("/api/v1/users/" + username).status());
    }

    @Test
    void theLastEnabledAdminCannotBeRemovedOrDemoted() {
        long admins = admin.get("/api/v1/users").body().split("\"role\":\"admin\"").length - 1;
        assertEquals(1, admins, "no test of the shared application creates another admin");

        var demote = admin.put(
                "/api/v1/users/admin",
                Json.createObjectBuilder().add("role", "viewer").build());
        var disable = admin.put(
                "/api/v1/users/admin",
                Json.createObjectBuilder().add("enabled", false).build());
        var delete = admin.delete("/api/v1/users/admin");

        assertEquals(409, demote.status(), demote.body());
        assertEquals(409, disable.status(), disable.body());
        assertEquals(409, delete.status(), delete.body());
        assertEquals("admin", admin.get("/api/v1/users/admin").json().getString("role"));
    }
}
