package org.headend.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/** Local users made through the admin API for a test, each signed in with a bearer token. */
public final class ApiUsers {

    public static final String PASSWORD = "api-user-Secret-1";

    private ApiUsers() {}

    /** A new user with this role and a unique name starting with it. */
    public static Api withRole(HeadendProcess app, String role) {
        return withRole(app, Names.unique(role), role);
    }

    public static Api withRole(HeadendProcess app, String username, String role) {
        var made = app.admin()
                .post(
                        "/api/v1/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", PASSWORD)
                                .add("role", role)
                                .build());
        if (made.status() != 201) {
            throw new AssertionError("Cannot create user " + username + ": " + made);
        }
        var token = app.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", PASSWORD)
                                .build());
        return app.api().as(token.json().getString("access_token"));
    }

    /** A reply whose body is a JSON array of objects. */
    public static List<JsonObject> array(Api.Reply reply) {
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }
}
