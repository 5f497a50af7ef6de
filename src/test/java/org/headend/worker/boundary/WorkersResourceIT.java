package org.headend.worker.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.regex.Pattern;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registering workers through the API: what is refused (and creates nothing), a worker nobody
 * answers for going DOWN with a reason in plain words, drain, change, removal, their audit entries
 * and metrics, and who may. No SSH server is needed: the worker's port is a closed one.
 */
@ExtendWith(SharedHeadend.class)
class WorkersResourceIT {

    static final String HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEAxbe55la1khIMalUh6tp8GqRPLDJ9Wb6igZ1paWxd/";

    private HeadendProcess app;
    private Api admin;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.admin = app.admin();
    }

    static JsonObject worker(String name, String host, int port) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("host", host)
                .add("port", port)
                .add("user", "headend")
                .add("hostKey", "127.0.0.1 " + HOST_KEY)
                .add("slots", 2)
                .build();
    }

    private static String with(JsonObject body, String field, String value) {
        return Json.createObjectBuilder(body).add(field, value).build().toString();
    }

    @Test
    void thePublicKeyIsOneAuthorizedKeysLine() {
        var key = admin.get("/api/v1/workers/ssh-key");
        assertEquals(200, key.status(), key.body());
        String line = key.json().getString("publicKey");
        assertTrue(line.matches("ssh-ed25519 [A-Za-z0-9+/=]+( \\S+)?"), line);
        assertEquals(1, key.json().size(), "nothing but the public key: " + key.body());
        assertEquals(line, admin.get("/api/v1/workers/ssh-key").json().getString("publicKey"), "kept, not made anew");
    }

    @Test
    void badInputIsAProblemAndCreatesNothing() {
        String name = Names.unique("bad");
        JsonObject ok = worker(name, "127.0.0.1", 22);
        for (String body : new String[] {
            with(ok, "name", "Upper"),
            with(ok, "name", "ssh-key"),
            with(ok, "name", "a".repeat(41)),
            with(ok, "host", "not a host"),
            with(ok, "host", "999.1.2.3"),
            with(ok, "user", "root"),
            with(ok, "user", "Bad User"),
            with(ok, "hostKey", "ssh-dss AAAAB3"),
            with(ok, "hostKey", "-----BEGIN OPENSSH PRIVATE KEY-----"),
            Json.createObjectBuilder(ok).add("port", 0).build().toString(),
            Json.createObjectBuilder(ok).add("port", 65536).build().toString(),
            Json.createObjectBuilder(ok).add("slots", 0).build().toString(),
            Json.createObjectBuilder(ok).add("slots", 257).build().toString(),
            Json.createObjectBuilder(ok).add("slots", "2").build().toString(),
            Json.createObjectBuilder(ok).add("extra", 1).build().toString(),
            Json.createObjectBuilder(ok).remove("hostKey").build().toString()
        }) {
            var refused = admin.post("/api/v1/workers", body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertTrue(refused.isProblem(), refused.contentType());
        }
        assertFalse(admin.get("/api/v1/workers").body().contains(name), "nothing was registered");
        assertEquals(404, admin.get("/api/v1/workers/" + name).status());
        for (String path : new String[] {"..", "a%2Fb", "NO", "x".repeat(300)}) {
            var missing = admin.get("/api/v1/workers/" + path);
            assertTrue(missing.status() == 404 || missing.status() == 400, path + " -> " + missing.status());
        }
        assertEquals(404, admin.post("/api/v1/workers/" + name + "/drain", "").status());
    }

    @Test
    void aWorkerNobodyAnswersForIsDownWithAPlainReasonAndIsManaged() {
        String name = Names.unique("w");
        int closed = FreePorts.next();
        var created = admin.post("/api/v1/workers", worker(name, "127.0.0.1", closed));
        assertEquals(201, created.status(), created.body());
        assertTrue(created.json().getString("state").equals("DOWN"), created.body());
        assertEquals(2, created.json().getInt("slots"));
        assertEquals(0, created.json().getInt("jobs"));
        assertEquals(
                409,
                admin.post("/api/v1/workers", worker(name, "127.0.0.2", 22)).status());
        String path = "/api/v1/workers/" + name;
        try {
            JsonObject down = Await.until("a reason for " + name, Duration.ofSeconds(20), () -> {
                JsonObject json = admin.get(path).json();
                return json.containsKey("lastError") && !json.isNull("lastError") ? json : null;
            });
            String reason = down.getString("reason");
            assertEquals("DOWN", down.getString("state"));
            assertTrue(reason.toLowerCase().contains("refused"), reason);
            assertFalse(reason.contains("Exception") || reason.contains("\tat "), "plain words: " + reason);

            var drained = admin.post(path + "/drain", "");
            assertEquals(200, drained.status(), drained.body());
            assertEquals("DOWN", drained.json().getString("state"), "not linked: still DOWN, drained once linked");
            assertEquals(200, admin.post(path + "/undrain", "").status());

            var changed =
                    admin.put(path, Json.createObjectBuilder().add("slots", 4).build());
            assertEquals(200, changed.status(), changed.body());
            assertEquals(4, changed.json().getInt("slots"));
            assertEquals(closed, changed.json().getInt("port"), "what is left out stays");
            var renamed = admin.put(
                    path, Json.createObjectBuilder().add("name", name + "-x").build());
            assertEquals(400, renamed.status(), renamed.body());

            String metrics = app.api().get("/metrics?scope=application").body();
            assertTrue(series(metrics, "headend_worker_up", name, "0"), "headend_worker_up of " + name);
            assertTrue(series(metrics, "headend_worker_jobs", name, "0"), "headend_worker_jobs of " + name);
            assertTrue(metrics.contains("headend_worker_load"), "headend_worker_load");
            assertTrue(metrics.contains("headend_worker_placements_total"), "headend_worker_placements_total");
        } finally {
            assertEquals(204, admin.delete(path).status());
        }
        assertEquals(404, admin.get(path).status());
        assertFalse(
                series(app.api().get("/metrics?scope=application").body(), "headend_worker_up", name, ".*"),
                "its series go with it");
        String audit =
                admin.get("/api/v1/audit?object=worker/" + name + "&size=50").body();
        for (String action :
                new String[] {"worker.create", "worker.drain", "worker.undrain", "worker.update", "worker.delete"}) {
            assertTrue(audit.contains("\"" + action + "\""), action + " in " + audit);
        }
    }

    @Test
    void onlyAdminsManageWorkers() {
        for (String role : new String[] {"operator", "viewer"}) {
            Api caller = ApiUsers.withRole(app, role);
            assertEquals(403, caller.get("/api/v1/workers").status());
            assertEquals(403, caller.get("/api/v1/workers/ssh-key").status());
            var post = caller.post("/api/v1/workers", worker(Names.unique("w"), "127.0.0.1", 22));
            assertEquals(403, post.status());
            assertTrue(post.isProblem());
        }
        assertEquals(401, app.api().get("/api/v1/workers").status());
    }

    private static boolean series(String metrics, String metric, String worker, String value) {
        Pattern line =
                Pattern.compile(metric + "\\{[^}]*worker=\"" + Pattern.quote(worker) + "\"[^}]*} " + value + "(\\.0)?");
        return metrics.lines().anyMatch(l -> line.matcher(l).matches());
    }
}
