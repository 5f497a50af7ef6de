package org.headend.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys ear/target/headend.ear on a real Payara Server 6, in a fresh domain on free ports, and
 * checks that the app gets ready (database, nginx-rtmp and Janus up) and signs the admin in. Afterwards it
 * undeploys, stops and deletes the domain, and checks that no process it started is left running.
 */
class PayaraServerEarIT {

    private static final String APP = "headend";
    private static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path work;
    private static PayaraDomain domain;
    private static boolean deployed;

    @BeforeAll
    static void deploy() throws Exception {
        work = Files.createTempDirectory(Path.of(System.getProperty("build.directory")), "payara-it-");
        domain = PayaraDomain.create(Path.of(System.getProperty("payara.home")), work);
        // The domain's JVM inherits asadmin's environment, and MicroProfile Config reads it.
        domain.start(Map.of(
                "HEADEND_HOME", Files.createDirectories(work.resolve("home")).toString(),
                "HEADEND_HTTP_PORT", String.valueOf(domain.httpPort()),
                "HEADEND_RTMP_PORT", String.valueOf(domain.sparePort(1)),
                "HEADEND_HLS_PORT", String.valueOf(domain.sparePort(2)),
                // Janus's loopback APIs on the domain's spare ports, not 8188/7188 a './headend run' holds.
                "HEADEND_WEBRTC_API_PORT", String.valueOf(domain.sparePort(3)),
                "HEADEND_WEBRTC_ADMIN_PORT", String.valueOf(domain.sparePort(4)),
                "HEADEND_ADMIN_PASSWORD", ADMIN_PASSWORD));
        domain.deploy(Path.of(System.getProperty("headend.ear")), APP);
        deployed = true;
    }

    @Test
    void readyOnceTheDatabaseNginxRtmpAndJanusAnswer() throws Exception {
        HttpResponse<String> ready = awaitReady();
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = json(ready);
        assertEquals("UP", health.getString("status"));
        Map<String, String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
        assertEquals("UP", checks.get("database"), checks::toString);
        assertEquals("UP", checks.get("nginx-rtmp"), checks::toString);
        assertEquals("UP", checks.get("janus"), checks::toString);
        assertTrue(domain.jvm().orElseThrow().descendants().anyMatch(PayaraServerEarIT::isNginx),
                "the app runs its own nginx-rtmp, below the server's JVM");
        assertTrue(domain.jvm().orElseThrow().descendants().anyMatch(p -> p.info().command().orElse("")
                        .endsWith("/janus")),
                "and its own Janus");
    }

    @Test
    void adminSignsInWithTheConfiguredPassword() throws Exception {
        String credentials = Json.createObjectBuilder()
                .add("username", "admin").add("password", ADMIN_PASSWORD).build().toString();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(credentials)).build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject token = json(response);
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals(3, token.getString("access_token").split("\\.").length, "a JWT: header.payload.signature");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (domain == null) {
            return;
        }
        Optional<ProcessHandle> jvm = domain.jvm();
        List<ProcessHandle> children = jvm.map(p -> p.descendants().toList()).orElse(List.of());
        try {
            if (deployed) {
                domain.undeploy(APP);
                // The app stops its nginx-rtmp (and any ffmpeg) itself when it is undeployed.
                assertNoneLeft(children.stream(), "after the undeploy");
            }
        } finally {
            try {
                domain.stop();
                domain.delete();
            } finally {
                assertNoneLeft(Stream.of(jvm.stream(), children.stream(), startedIn(work)).flatMap(s -> s),
                        "after stop-domain");
            }
        }
    }

    private static boolean isNginx(ProcessHandle process) {
        return process.info().command().orElse("").endsWith("/nginx");
    }

    /** Processes that name the work folder: the domain's JVM, nginx-rtmp's master, even if orphaned. */
    private static Stream<ProcessHandle> startedIn(Path folder) {
        String prefix = folder + "/";
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(prefix));
    }

    /** Waits for every process to end; kills and reports those still running at the deadline. */
    private static void assertNoneLeft(Stream<ProcessHandle> processes, String when) throws InterruptedException {
        List<ProcessHandle> watched = processes.distinct().toList();
        long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
        while (watched.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<ProcessHandle> left = watched.stream().filter(ProcessHandle::isAlive).toList();
        if (!left.isEmpty()) {
            String described = left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .collect(Collectors.joining("\n"));
            left.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
            left.forEach(ProcessHandle::destroyForcibly);
            fail("Still running " + when + " (now killed):\n" + described);
        }
    }

    /** Polls /health/ready until it answers 200 or the deadline passes; returns the last answer. */
    private static HttpResponse<String> awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpResponse<String> last = null;
        IOException error = null;
        while (System.nanoTime() < deadline) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(url("/health/ready")).build(), BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException e) {
                error = e;
            }
            Thread.sleep(500);
        }
        if (last == null) {
            throw new AssertionError("/health/ready did not answer within " + READY_WITHIN, error);
        }
        return last;
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + domain.httpPort() + path);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
