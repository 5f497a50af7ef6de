package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.headend.testing.Api;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;

/**
 * Every API resource and every console page, for each role. Changes are asked with input the
 * API refuses (400/404/409) where the role may make them, so the matrix changes nothing.
 */
@ExtendWith(SharedHeadend.class)
class RoleMatrixIT {

    private static final String PASSWORD = "matrix-Secret-1";
    private static final Set<String> ALL = Set.of("admin", "operator", "viewer");
    private static final Set<String> STAFF = Set.of("admin", "operator");
    private static final Set<String> ADMIN = Set.of("admin");

    private HeadendProcess app;
    private final Map<String, String> usernames = new java.util.HashMap<>();
    private String streamId;
    private String streamName;

    record Call(String method, String path, String body, Set<String> allowed) {}

    @BeforeEach
    void users(HeadendProcess app) {
        this.app = app;
        Api admin = app.admin();
        for (String role : List.of("operator", "viewer")) {
            String username = Names.unique(role);
            var created = admin.post(
                    "/api/v1/users",
                    Json.createObjectBuilder()
                            .add("username", username)
                            .add("password", PASSWORD)
                            .add("role", role)
                            .build());
            assertEquals(201, created.status(), created.body());
            usernames.put(role, username);
        }
        var stream = SampleStreams.plain(admin, "matrix");
        streamName = stream.name();
        streamId = stream.id();
    }

    private List<Call> calls() {
        String s = "/api/v1/streams/" + streamId;
        return List.of(
                new Call("GET", "/api/v1/streams", null, ALL),
                new Call("POST", "/api/v1/streams", "{\"name\":\"Not Valid!\"}", STAFF),
                new Call("GET", s, null, ALL),
                new Call("PUT", s, "{\"ladder\":\"no-such-ladder\"}", STAFF),
                new Call("PUT", s, "{\"public\":\"yes\"}", STAFF),
                new Call("GET", s + "/playback", null, ALL),
                new Call("GET", s + "/playback?ttl=0", null, ALL),
                new Call("GET", s + "/status", null, ALL),
                new Call("GET", s + "/log", null, ALL),
                new Call("GET", s + "/thumbnail.jpg", null, ALL),
                new Call("POST", "/api/v1/streams/no-such-stream/rotate-key", "", STAFF),
                new Call("DELETE", "/api/v1/streams/no-such-stream", null, STAFF),
                new Call("GET", s + "/outputs", null, ALL),
                new Call("POST", s + "/outputs", "{\"name\":\"x\",\"url\":\"http://nope\"}", STAFF),
                new Call("GET", s + "/outputs/no-such-output/log", null, ALL),
                new Call("POST", s + "/outputs/no-such-output/start", "", STAFF),
                new Call("DELETE", s + "/outputs/no-such-output", null, STAFF),
                new Call("GET", s + "/multicast", null, ALL),
                new Call("POST", s + "/multicast", "{\"group\":\"10.0.0.1\",\"interface\":\"lo\"}", STAFF),
                new Call("GET", s + "/multicast/no-such-sender", null, ALL),
                new Call("GET", s + "/multicast/no-such-sender.sdp", null, ALL),
                new Call("GET", s + "/multicast/no-such-sender/log", null, ALL),
                new Call("DELETE", s + "/multicast/no-such-sender", null, STAFF),
                new Call("GET", "/api/v1/multicast/channels.m3u", null, ALL),
                new Call("POST", "/api/v1/streams/no-such-stream/recordings", "", STAFF),
                new Call("GET", "/api/v1/recordings", null, ALL),
                new Call("GET", "/api/v1/recordings/no-such-recording", null, ALL),
                new Call("GET", "/api/v1/recordings/no-such-recording/file", null, ALL),
                new Call("POST", "/api/v1/recordings/no-such-recording/stop", "", STAFF),
                new Call("DELETE", "/api/v1/recordings/no-such-recording", null, STAFF),
                new Call("GET", "/api/v1/ladders", null, ALL),
                new Call("GET", "/api/v1/ladders/default", null, ALL),
                new Call("POST", "/api/v1/ladders", "{\"name\":\"bad\",\"renditions\":[]}", STAFF),
                new Call("PUT", "/api/v1/ladders/default", "{\"renditions\":[]}", STAFF),
                new Call("DELETE", "/api/v1/ladders/default", null, STAFF),
                new Call("GET", "/api/v1/users", null, ADMIN),
                new Call("GET", "/api/v1/users/admin", null, ADMIN),
                new Call(
                        "POST",
                        "/api/v1/users",
                        "{\"username\":\"x\",\"password\":\"short\",\"role\":\"viewer\"}",
                        ADMIN),
                new Call("PUT", "/api/v1/users/no-such-user", "{\"role\":\"viewer\"}", ADMIN),
                new Call("DELETE", "/api/v1/users/no-such-user", null, ADMIN),
                new Call("GET", "/api/v1/audit", null, ADMIN),
                new Call("GET", "/api/v1/audit.csv", null, ADMIN),
                new Call("GET", "/api/v1/tokens", null, ALL),
                new Call("POST", "/api/v1/tokens", "{\"name\":\"\"}", ALL),
                new Call("DELETE", "/api/v1/tokens/no-such-token", null, ALL),
                new Call("GET", "/api/v1/webhooks", null, ADMIN),
                new Call("POST", "/api/v1/webhooks", "{\"url\":\"ftp://x\"}", ADMIN),
                new Call("GET", "/api/v1/webhooks/no-such-webhook", null, ADMIN),
                new Call("PUT", "/api/v1/webhooks/no-such-webhook", "{}", ADMIN),
                new Call("DELETE", "/api/v1/webhooks/no-such-webhook", null, ADMIN),
                new Call("GET", "/api/v1/webhooks/no-such-webhook/deliveries", null, ADMIN),
                new Call("POST", "/api/v1/webhooks/no-such-webhook/test", "", ADMIN));
    }

    @Test
    void everyApiResourceAnswersEachRoleAsItsRolesAllow() {
        Map<String, Api> callers = Map.of(
                "admin", app.admin(),
                "operator", signedIn("operator"),
                "viewer", signedIn("viewer"),
                "anonymous", app.api());
        List<Executable> checks = new ArrayList<>();
        for (Call call : calls()) {
            callers.forEach((role, api) -> checks.add(() -> {
                int status = send(api, call);
                String what = role + " " + call.method() + " " + call.path() + " -> " + status;
                if (role.equals("anonymous")) {
                    assertEquals(401, status, what);
                } else if (call.allowed().contains(role)) {
                    assertTrue(status != 401 && status != 403 && status < 500, what);
                } else {
                    assertEquals(403, status, what);
                }
            }));
        }
        assertAll(checks);
    }

    @Test
    void theConsoleShowsEachRoleOnlyThePagesAndControlsItMayUse() {
        checkConsole("admin", "admin", HeadendProcess.ADMIN_PASSWORD, Set.of());
        checkConsole("operator", usernames.get("operator"), PASSWORD, Set.of("/users", "/audit", "/webhooks"));
        checkConsole("viewer", usernames.get("viewer"), PASSWORD, Set.of("/users", "/audit", "/webhooks", "/ladder"));
    }

    private void checkConsole(String role, String username, String password, Set<String> forbidden) {
        try (Browser browser = new Browser(app.baseUrl())) {
            browser.signIn(username, password);
            browser.waitFor(d -> browser.currentPath().equals("/"));
            for (String page : List.of(
                    "/",
                    "/streams",
                    "/stream?id=" + streamId,
                    "/watch/" + streamName,
                    "/ladders",
                    "/ladder",
                    "/recordings",
                    "/users",
                    "/audit",
                    "/webhooks",
                    "/tokens")) {
                browser.open(page);
                boolean refused =
                        !browser.driver().findElements(By.id("error-title")).isEmpty()
                                && browser.driver()
                                        .findElement(By.id("error-title"))
                                        .getText()
                                        .equals("Not allowed");
                assertEquals(forbidden.contains(page.replaceAll("\\?.*", "")), refused, role + " on " + page);
            }
            browser.open("/streams");
            Function<String, Boolean> present =
                    id -> !browser.driver().findElements(By.id(id)).isEmpty();
            boolean staff = STAFF.contains(role);
            assertEquals(staff, present.apply("streams:create"), role + ": create control");
            assertEquals(
                    staff,
                    !browser.driver()
                            .findElements(By.xpath("//button[contains(@id,':rotate')]"))
                            .isEmpty(),
                    role + ": rotate controls");
            browser.open("/ladders");
            assertEquals(staff, present.apply("new-ladder"), role + ": new ladder control");
            assertEquals(role.equals("admin"), present.apply("nav-users"), role + ": users link");
            assertEquals(role.equals("admin"), present.apply("nav-audit"), role + ": audit link");
            assertEquals(role.equals("admin"), present.apply("nav-webhooks"), role + ": webhooks link");
        }
    }

    private Api signedIn(String role) {
        var reply = app.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", usernames.get(role))
                                .add("password", PASSWORD)
                                .build());
        assertEquals(200, reply.status(), reply.body());
        return app.api().as(reply.json().getString("access_token"));
    }

    private static int send(Api api, Call call) {
        return switch (call.method()) {
            case "GET" -> api.get(call.path()).status();
            case "DELETE" -> api.delete(call.path()).status();
            case "POST" -> api.post(call.path(), call.body()).status();
            case "PUT" -> api.put(
                            call.path(),
                            Json.createReader(new java.io.StringReader(call.body()))
                                    .readObject())
                    .status();
            default -> throw new IllegalArgumentException(call.method());
        };
    }
}
