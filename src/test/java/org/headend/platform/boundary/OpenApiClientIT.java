package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.NpmProject;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document is a contract clients are generated from: it passes Redocly's lint
 * without errors, names every operation once under one capability's tag, documents its errors as
 * problems, and a TypeScript client generated from it (openapi-typescript, compiled by tsc, calling
 * through openapi-fetch) creates a stream and reads its status. The tools come from the npm project
 * in src/test/openapi-client, pinned by its lock file.
 */
@ExtendWith(SharedHeadend.class)
class OpenApiClientIT {

    private static final Duration TOOL = Duration.ofMinutes(2);
    private static final Set<String> TAGS = Set.of(
            "auth",
            "streams",
            "outputs",
            "origins",
            "multicast",
            "recordings",
            "ladders",
            "users",
            "tokens",
            "webhooks",
            "audit",
            "workers");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void theServedDocumentLintsWithoutErrors(HeadendProcess app) {
        var project = NpmProject.prepare("openapi-client");
        project.write("openapi.yaml", served(app, "/openapi"));

        var lint = project.run(TOOL, Map.of(), "redocly", "lint", "openapi.yaml", "--format=json");

        JsonObject totals = parse(lint.stdout()).getJsonObject("totals");
        assertEquals(0, totals.getInt("errors"), lint.describe());
        assertEquals(0, lint.exitCode(), lint.describe());
    }

    @Test
    void everyOperationHasAUniqueIdOneCapabilityTagAndProblemErrors(HeadendProcess app) {
        JsonObject document = parse(served(app, "/openapi?format=JSON"));

        String server = document.getJsonArray("servers").getJsonObject(0).getString("url");
        assertTrue(server.equals("/") || !server.endsWith("/"), server);
        JsonObject bearer = document.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("bearer");
        assertEquals("http", bearer.getString("type"));
        assertEquals("bearer", bearer.getString("scheme"));
        assertEquals("JWT", bearer.getString("bearerFormat"));
        for (JsonValue tag : document.getJsonArray("tags")) {
            assertTrue(TAGS.contains(tag.asJsonObject().getString("name")), tag.toString());
            assertFalse(tag.asJsonObject().getString("description").isBlank(), tag.toString());
        }

        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        assertFalse(paths.keySet().stream().anyMatch(p -> p.startsWith("/api/hooks")), "the nginx hooks stay hidden");
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            JsonObject operation = value.asJsonObject();
            String id = operation.getString("operationId", null);
            String where = method.toUpperCase() + " " + path + " (" + id + ")";
            if (id == null || !ids.add(id)) {
                wrong.add(where + ": operationId missing or used twice");
            }
            var tags = operation.getJsonArray("tags");
            if (tags == null || tags.size() != 1 || !TAGS.contains(tags.getString(0))) {
                wrong.add(where + ": not exactly one capability tag: " + tags);
            }
            if (!operation.containsKey("security")) {
                wrong.add(where + ": no security");
            }
            JsonObject responses = operation.getJsonObject("responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                wrong.add(where + ": no success response");
            }
            responses.forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && !problem(document, response.asJsonObject())) {
                    wrong.add(where + ": " + code + " is not a problem response");
                }
            });
            if (operation.containsKey("requestBody")) {
                var json = operation
                        .getJsonObject("requestBody")
                        .getJsonObject("content")
                        .getJsonObject("application/json");
                if (json == null || !json.getJsonObject("schema").containsKey("$ref")) {
                    wrong.add(where + ": request body without a named JSON schema");
                }
            }
        }));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(
                ids.containsAll(Set.of("listStreams", "createStream", "getStreamStatus", "createOutput")),
                ids.toString());
    }

    @Test
    void aClientGeneratedFromTheDocumentCreatesAStreamAndReadsItsStatus(HeadendProcess app) {
        var project = NpmProject.prepare("openapi-client");
        project.write("openapi.yaml", served(app, "/openapi"));
        var types = project.run(
                TOOL,
                Map.of(),
                "openapi-typescript",
                "openapi.yaml",
                "--output",
                "generated/api.d.ts",
                // A default is what the server fills in: the field stays optional in requests.
                "--default-non-nullable",
                "false");
        assertEquals(0, types.exitCode(), types.describe());
        var compiled = project.run(TOOL, Map.of(), "tsc", "--project", "tsconfig.json");
        assertEquals(0, compiled.exitCode(), compiled.describe());

        String name = Names.unique("openapi-client");
        var client = project.run(
                TOOL,
                Map.of("HEADEND_URL", app.baseUrl(), "HEADEND_TOKEN", adminToken(app), "STREAM_NAME", name),
                "node",
                "dist/client.js");

        assertEquals(0, client.exitCode(), client.describe());
        JsonObject result = parse(client.stdout().strip());
        assertEquals(201, result.getInt("createdStatus"), client.stdout());
        assertEquals(name, result.getString("name"));
        assertTrue(result.getBoolean("hasStreamKey"), "createStream answers the key once");
        assertEquals("OFFLINE", result.getString("state"), "getStreamStatus of a new stream");
        assertEquals(404, result.getInt("missingStatus"));
        assertEquals("Not found", result.getString("missingTitle"), "the 404 is read as a Problem");
        assertEquals(204, result.getInt("deletedStatus"));
        assertEquals(
                404,
                app.admin().get("/api/v1/streams/" + result.getString("id")).status());
    }

    /** The document once the runtime has built it (it does so on the first request). */
    private static String served(HeadendProcess app, String path) {
        return Await.until("the OpenAPI document at " + path, Duration.ofSeconds(60), () -> {
            Api.Reply reply = Api.fetch(app.baseUrl() + path);
            return reply.status() == 200 && reply.body().contains("/api/v1/streams") ? reply.body() : null;
        });
    }

    private static boolean problem(JsonObject document, JsonObject response) {
        String ref = response.getString("$ref", "");
        if (!ref.startsWith("#/components/responses/")) {
            return false;
        }
        JsonObject named = document.getJsonObject("components")
                .getJsonObject("responses")
                .getJsonObject(ref.substring("#/components/responses/".length()));
        assertNotNull(named, ref);
        JsonObject body = named.getJsonObject("content").getJsonObject("application/problem+json");
        return body != null
                && "#/components/schemas/Problem"
                        .equals(body.getJsonObject("schema").getString("$ref", ""));
    }

    private static String adminToken(HeadendProcess app) {
        var reply = app.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", "admin")
                                .add("password", HeadendProcess.ADMIN_PASSWORD)
                                .build());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("access_token");
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
