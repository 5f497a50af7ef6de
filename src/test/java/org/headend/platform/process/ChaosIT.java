package org.headend.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.headend.testing.Api;
import org.headend.testing.AppJanus;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.Recordings;
import org.headend.testing.RtmpDestination;
import org.headend.testing.SampleLadders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of child Headend runs for a live stream is killed ({@code SIGKILL}) and frozen
 * ({@code SIGSTOP}) mid-stream (the relay on its own, the others all at once): a killed one is started again, a frozen one is found by its stall
 * watchdog, killed and started again; the processes API and the stream's state say so, and the
 * stream plays again. One stream has them all: a UDP input (its relay), two packagers, an output,
 * a recording and a multicast source on loopback. nginx and Janus are killed and frozen too. The app runs with
 * short stall timeouts of its own, and nothing it started is left when it stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosIT {

    private static final Duration BACK = Duration.ofSeconds(45);
    private static final Set<String> ROLES =
            Set.of("relay", "packager", "backup-packager", "output", "recording", "multicast-source");

    private static HeadendProcess app;
    private static Api api;
    private static RtmpDestination destination;
    private static Publisher publisher;
    private static String streamId;
    private static String streamName;
    private static String ladder;

    @BeforeAll
    static void aStreamWithEveryKindOfChild() {
        app = HeadendProcess.inTempHome(Map.of(
                        "HEADEND_TRANSCODER_STALL_TIMEOUT", "PT4S",
                        "HEADEND_OUTPUT_STALL_TIMEOUT", "PT4S",
                        "HEADEND_RECORDING_STALL_TIMEOUT", "PT4S",
                        "HEADEND_MULTICAST_STALL_TIMEOUT", "PT4S",
                        "HEADEND_NGINX_STALL_TIMEOUT", "PT4S",
                        "HEADEND_WEBRTC_STALL_TIMEOUT", "PT3S",
                        "HEADEND_TRANSCODER_RESTART_INITIAL", "PT0.5S",
                        "HEADEND_OUTPUT_RETRY_INITIAL", "PT0.5S",
                        "HEADEND_MULTICAST_RETRY_INITIAL", "PT0.5S"))
                .start();
        api = app.admin();
        ladder = Names.unique("chaos");
        api.post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 256, 144));
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        "{\"name\":\"" + Names.unique("chaos") + "\",\"ladder\":\"" + ladder
                                + "\",\"redundancy\":true,\"record\":\"always\",\"input\":{\"type\":\"udp\"}}")
                .json();
        streamId = stream.getString("id");
        streamName = stream.getString("name");
        int port = stream.getJsonObject("input").getInt("port");
        destination = new RtmpDestination();
        assertEquals(
                201,
                api.post(
                                "/api/v1/streams/" + streamId + "/outputs",
                                "{\"name\":\"dest\",\"url\":\"" + destination.url("chaos") + "\"}")
                        .status());
        assertEquals(
                201,
                api.post("/api/v1/streams/" + streamId + "/multicast", "{\"interface\":\"lo\",\"announce\":false}")
                        .status());
        publisher = Publisher.mpegTs("udp://127.0.0.1:" + port + "?pkt_size=1316", 256, 144, 15);
        awaitEverythingRunning();
    }

    @AfterAll
    static void nothingIsLeftRunning() {
        try {
            if (api != null && streamId != null) {
                api.delete("/api/v1/streams/" + streamId + "?force=true");
                api.delete("/api/v1/ladders/" + ladder);
            }
        } finally {
            if (publisher != null) {
                publisher.close();
            }
            if (destination != null) {
                destination.close();
            }
            if (app != null) {
                List<ProcessHandle> janus = app.children("janus");
                List<ProcessHandle> left = app.stop();
                assertTrue(left.isEmpty(), "left running: " + left);
                assertFalse(janus.isEmpty(), "the app ran a Janus until it stopped");
                assertTrue(janus.stream().noneMatch(ProcessHandle::isAlive), "Janus stops with the app");
            }
        }
    }

    /**
     * The relay on its own: its death ends the publish, so the stream's other processes are
     * replaced by new ones; the others all at once, which also proves they do not drag each other.
     */
    static Stream<Arguments> childrenAndSignals() {
        List<String> rest =
                ROLES.stream().filter(r -> !r.equals("relay")).sorted().toList();
        return Stream.of("KILL", "STOP")
                .flatMap(signal -> Stream.of(Arguments.of(List.of("relay"), signal), Arguments.of(rest, signal)));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} after SIG{1}")
    @MethodSource("childrenAndSignals")
    void childrenThatDieOrFreezeAreStartedAgain(List<String> roles, String signal) throws Exception {
        Map<String, JsonObject> before = awaitEverythingRunning();
        for (String role : roles) {
            signal(signal, pid(before.get(role)));
        }

        for (String role : roles) {
            long pid = pid(before.get(role));
            int restarts = before.get(role).getInt("restarts");
            JsonObject back = Await.until(role + " running again after SIG" + signal, BACK, () -> {
                JsonObject now = parts().get(role);
                return now != null
                                && !now.isNull("pid")
                                && now.getJsonNumber("pid").longValue() != pid
                                && now.getInt("restarts") > restarts
                                && "RUNNING".equals(now.getString("state"))
                        ? now
                        : null;
            });
            assertFalse(back.isNull("lastError"), "the API says why it was restarted: " + back);
            if (signal.equals("STOP")) {
                assertTrue(
                        back.getString("lastError").contains("no progress"),
                        "a frozen " + role + " is killed by its watchdog: " + back);
            }
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the old " + role + " is gone");
            assertTrue(
                    app.api()
                            .get("/metrics")
                            .body()
                            .lines()
                            .anyMatch(l -> l.startsWith("headend_process_restarts_total{")
                                    && l.contains("role=\"" + role + "\"")),
                    "restarts are counted per role");
        }
        if (roles.contains("packager") && signal.equals("STOP")) {
            String log = api.get("/api/v1/streams/" + streamId + "/log").body();
            assertTrue(log.contains("no progress for"), "the watchdog's note is in the packager's log: " + log);
            assertTrue(
                    app.api()
                            .get("/metrics")
                            .body()
                            .lines()
                            .anyMatch(l -> l.startsWith("headend_transcoder_restarts_total{")
                                    && l.contains("stream=\"" + streamName + "\"")),
                    "packager restarts are counted per stream");
        }
        awaitEverythingRunning();
    }

    private static long pid(JsonObject part) {
        return part.getJsonNumber("pid").longValue();
    }

    @Order(2)
    @ParameterizedTest(name = "nginx after SIG{0}")
    @MethodSource("signals")
    void nginxThatDiesOrFreezesIsStartedAgainAndTheStreamComesBack(String signal) throws Exception {
        awaitEverythingRunning();
        long pid = nginxPid();

        // Killed, the master alone; frozen, all of nginx (a frozen master's workers still serve).
        signal(signal, signal.equals("STOP") ? -pid : pid);

        Await.until("a new nginx after SIG" + signal, BACK, () -> {
            List<ProcessHandle> now = app.children("nginx");
            return now.stream().noneMatch(p -> p.pid() == pid) && !now.isEmpty() ? now : null;
        });
        assertNotEquals(pid, nginxPid());
        awaitEverythingRunning();
    }

    static Stream<String> signals() {
        return Stream.of("KILL", "STOP");
    }

    /**
     * The stream records all along: a recording whose ffmpeg was killed or frozen carried on into
     * new segments of the same recording, counted, and became one MP4 that plays.
     */
    @Order(3)
    @Test
    void aRecordingCarriesOnThroughItsRestartsAndPlays() throws Exception {
        JsonObject restarted = Await.until(
                "a finished recording that went through a restart",
                BACK,
                () ->
                        api
                                .get("/api/v1/recordings?stream=" + streamId + "&size=50")
                                .json()
                                .getJsonArray("items")
                                .stream()
                                .map(JsonObject.class::cast)
                                .filter(r -> r.getInt("restarts") >= 1 && "READY".equals(r.getString("state")))
                                .findFirst()
                                .orElse(null));
        assertTrue(
                app.api()
                        .get("/metrics")
                        .body()
                        .lines()
                        .anyMatch(l ->
                                l.startsWith("headend_recording_restarts_total{") && l.contains("cause=\"stalled\"")),
                "a frozen recorder's restart is counted as stalled");
        var file = Recordings.asAdmin(app).download("/api/v1/recordings/" + restarted.getString("id") + "/file", null);
        assertEquals(200, file.statusCode());
        Path mp4 = Files.createTempFile("chaos-", ".mp4");
        try {
            Files.write(mp4, file.body());
            assertTrue(Ffprobe.streams(mp4).contains("h264"), Ffprobe.streams(mp4));
            double probed = Recordings.duration(mp4);
            double recorded = restarted.getJsonNumber("durationSeconds").doubleValue();
            assertTrue(probed > 2.0 && Math.abs(probed - recorded) <= 1.0, "ffprobe " + probed + " s, API " + recorded);
        } finally {
            Files.delete(mp4);
        }
    }

    /**
     * Janus killed, or frozen past its stall timeout: a new Janus runs, the app is ready again, a
     * session made with the app's (freshly rendered) secret works, the restarts are counted, and
     * the app's log shows neither secret.
     */
    @Order(4)
    @ParameterizedTest(name = "Janus after SIG{0}")
    @MethodSource("signals")
    void janusThatDiesOrFreezesIsStartedAgain(String signal) throws Exception {
        AppJanus janus = AppJanus.of(app);
        long pid = Await.until("Janus running", BACK, () -> janus.process().orElse(null))
                .pid();
        assertEquals("UP", janusReadiness(), "Janus is ready before the SIG" + signal);

        signal(signal, pid);
        if (signal.equals("STOP")) {
            // A frozen Janus still holds its port: readiness says so before the watchdog acts.
            Await.until("readiness DOWN for a frozen Janus", BACK, () -> "DOWN".equals(janusReadiness()));
        }

        long next = Await.until("a new Janus after SIG" + signal, BACK, () -> janus.process()
                        .filter(p -> p.pid() != pid)
                        .orElse(null))
                .pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the old Janus is gone");
        Await.until("readiness UP with the new Janus", BACK, () -> "UP".equals(janusReadiness()));
        long session = janus.createSession();
        assertTrue(janus.sessions().contains(session), "the new Janus (" + next + ") keeps the session");
        janus.destroySession(session);

        String metrics = app.api().get("/metrics").body();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("headend_webrtc_janus_restarts_total")
                                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1),
                "Janus's restarts are counted");
        String log = Files.readString(app.log());
        assertTrue(janus.secrets().stream().noneMatch(log::contains), "no Janus secret in the app's log");
    }

    private static String janusReadiness() {
        return app.api().get("/health/ready").json().getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("janus"))
                .map(c -> c.getString("status"))
                .findFirst()
                .orElse("MISSING");
    }

    @Test
    void theProcessesOfAnUnknownStreamAreA404() {
        var reply = api.get("/api/v1/streams/no-such-stream/processes");
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }

    /** The nginx master: the one whose parent is not an nginx itself. */
    private static long nginxPid() {
        return app.children("nginx").stream()
                .filter(p -> p.parent()
                        .flatMap(parent -> parent.info().command())
                        .map(c -> !c.endsWith("/nginx"))
                        .orElse(true))
                .findFirst()
                .orElseThrow()
                .pid();
    }

    private static void signal(String signal, long pid) throws Exception {
        assertEquals(
                0,
                // A negative pid is a process group: setsid made nginx's master its leader.
                new ProcessBuilder("kill", "-" + signal, "--", Long.toString(pid))
                        .start()
                        .waitFor());
    }

    private static Map<String, JsonObject> awaitEverythingRunning() {
        return Await.until("every child of the stream running, and the stream LIVE", BACK, () -> {
            Map<String, JsonObject> now = parts();
            boolean all = now.keySet().containsAll(ROLES)
                    && now.values().stream().allMatch(p -> "RUNNING".equals(p.getString("state")) && !p.isNull("pid"));
            return all
                            && "LIVE"
                                    .equals(api.get("/api/v1/streams/" + streamId + "/status")
                                            .json()
                                            .getString("state"))
                    ? now
                    : null;
        });
    }

    private static Map<String, JsonObject> parts() {
        return api.get("/api/v1/streams/" + streamId + "/processes").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(p -> p.getString("role"), p -> p, (a, b) -> a));
    }
}
