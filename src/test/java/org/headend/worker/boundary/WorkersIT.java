package org.headend.worker.boundary;

import static org.headend.testing.RegisteredHosts.awaitFfmpeg;
import static org.headend.testing.RegisteredHosts.awaitNoFfmpeg;
import static org.headend.testing.RegisteredHosts.path;
import static org.headend.testing.RegisteredHosts.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsPlayer;
import org.headend.testing.Names;
import org.headend.testing.PlacedStream;
import org.headend.testing.RegisteredHosts;
import org.headend.testing.SampleLadders;
import org.headend.testing.WorkerHost;
import org.headend.testing.WorkerHosts;
import org.headend.testing.WorkerLoss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote transcoding end to end: two worker hosts ({@link WorkerHosts}: network namespaces, each
 * with a real sshd, its own host key and non-root user, linked to the node by a veth pair), one app
 * that may also transcode itself ({@code headend.workers.local}), real publishers and players.
 * Registration pins each host's key (another key is refused); a stream pinned to a worker has its
 * ffmpeg in that worker's namespace, as the worker's user, none on the node, and plays; its killed
 * ffmpeg comes back on the same worker; a worker lost by a cut link, a killed sshd or a freeze has
 * its stream placed elsewhere and playing within {@code headend.workers.failover}, and comes back
 * UP without taking the stream back; a drain moves the jobs away; a ladder asking for nvenc, which
 * no host has, is placed nowhere and says so; the app stopped or killed leaves no ffmpeg on a
 * worker. Skipped where namespaces or sshd cannot be used (not root).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkersIT {

    private static final Duration FAILOVER = Duration.ofSeconds(10);
    private static final Duration START = Duration.ofSeconds(60);
    // A worker back from a loss is retried with a backoff that may have grown to 16 s.
    private static final Duration BACK = Duration.ofSeconds(45);
    private static final Duration LEFTOVERS = Duration.ofSeconds(15);
    private static final Map<String, String> ENV = Map.of(
            "HEADEND_WORKERS_LOCAL", "true",
            "HEADEND_WORKERS_FAILOVER", "PT10S",
            "HEADEND_TRANSCODER_RESTART_INITIAL", "PT0.5S");

    private static RegisteredHosts hosts;
    private static HeadendProcess app;
    private static Api api;
    private static String ladder;

    @BeforeAll
    static void twoWorkerHostsAndAnAppThatKnowsThem() {
        Assumptions.assumeTrue(WorkerHosts.available(), "worker hosts need root, ip netns and openssh-server");
        hosts = new RegisteredHosts(WorkerHosts.create(2));
        try {
            app = HeadendProcess.inTempHome(ENV).start();
            api = app.admin();
            String key = api.get("/api/v1/workers/ssh-key").json().getString("publicKey");
            assertTrue(key.startsWith("ssh-ed25519 "), key);
            ladder = Names.unique("workers");
            assertEquals(
                    201,
                    api.post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 256, 144))
                            .status());
            for (WorkerHost host : hosts.all()) {
                host.ssh().authorize(key);
                register(api, host.name(), host, host.ssh().hostKeyLine());
            }
        } catch (RuntimeException | AssertionError e) {
            tearDown();
            throw e;
        }
    }

    @AfterAll
    static void tearDown() {
        try {
            if (app != null) {
                try {
                    api.delete("/api/v1/ladders/" + ladder);
                } finally {
                    assertEquals(List.of(), app.stop(), "what the app left running on the node");
                }
            }
        } finally {
            if (hosts != null) {
                hosts.close();
            }
        }
    }

    @Order(1)
    @Test
    void registeredWorkersAreUpWithWhatTheyCanDoAndAnotherHostKeyIsRefused() {
        for (WorkerHost host : hosts.all()) {
            JsonObject worker = api.awaitState(path(host), "UP", START);
            JsonObject can = worker.getJsonObject("capabilities");
            assertFalse(can.getString("ffmpegVersion").isBlank(), worker.toString());
            assertTrue(can.getJsonArray("h264Encoders").contains(Json.createValue("libx264")), worker.toString());
            assertTrue(can.getInt("cores") >= 1, worker.toString());
            assertTrue(can.getJsonNumber("load").doubleValue() >= 0, worker.toString());
            assertEquals(2, worker.getInt("slots"));
            assertTrue(worker.containsKey("jobs"), worker.toString());
        }
        WorkerHost host = hosts.get(0);
        String impostor = Names.unique("wrongkey");
        register(api, impostor, host, host.ssh().otherHostKeyLine());
        try {
            JsonObject refused = Await.until("the wrong key refused", START, () -> {
                JsonObject worker = api.get("/api/v1/workers/" + impostor).json();
                return "DOWN".equals(worker.getString("state"))
                                && worker.get("lastError") instanceof JsonString error
                                && error.getString().contains("another key")
                        ? worker
                        : null;
            });
            assertFalse(refused.toString().contains("PRIVATE KEY"), refused.toString());
        } finally {
            api.delete("/api/v1/workers/" + impostor);
        }
    }

    @Order(2)
    @Test
    void aPinnedStreamIsTranscodedOnItsWorkerAndItsKilledFfmpegIsStartedThereAgain() {
        WorkerHost worker = hosts.get(0);
        try (var placed = PlacedStream.publishing(app, api, ladder, worker.name())) {
            int restarts = placed.awaitPackagerOn(api, worker.name(), START).getInt("restarts");
            long ffmpeg = awaitFfmpeg(worker, START);
            assertFalse(WorkerHosts.inRootNamespace(ffmpeg), "the packager's ffmpeg is not on the node");
            assertEquals(
                    worker.ssh().user(),
                    ProcessHandle.of(ffmpeg).flatMap(p -> p.info().user()).orElse(""),
                    "it runs as the worker's user");
            assertEquals(List.of(), placed.onNode(app), "no ffmpeg of the stream on the node");
            placed.assertPlays(START);

            ProcessHandle.of(ffmpeg).ifPresent(ProcessHandle::destroyForcibly);
            placed.awaitPackager(
                    api,
                    "again on " + worker.name(),
                    p -> worker.name().equals(p.getString("host")) && p.getInt("restarts") > restarts,
                    BACK);
            Await.until("a new ffmpeg on " + worker.name(), BACK, () -> worker.processes("ffmpeg").stream()
                    .filter(pid -> pid != ffmpeg)
                    .findFirst()
                    .orElse(null));
            assertEquals(List.of(), placed.onNode(app), "still none on the node");
            placed.assertPlays(BACK);
        }
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @EnumSource(WorkerLoss.class)
    void aLostWorkersStreamPlaysElsewhereWithinTheFailoverAndStaysThere(WorkerLoss loss) {
        WorkerHost lost = hosts.get(loss.ordinal() % 2);
        try (var placed = PlacedStream.publishing(app, api, ladder, lost.name())) {
            placed.awaitPackagerOn(api, lost.name(), START);
            placed.awaitNewSegment(START);
            long lostAt = System.nanoTime();
            JsonObject moved;
            loss.lose.accept(lost);
            try {
                moved = placed.awaitPackagerAwayFrom(api, lost.name(), FAILOVER);
                placed.awaitNewSegment(left(lostAt));
                api.awaitState(path(lost), "DOWN", left(lostAt));
                String host = moved.getString("host");
                assertFalse(
                        host.equals("local")
                                ? placed.onNode(app).isEmpty()
                                : hosts.named(host).processes("ffmpeg").isEmpty(),
                        "the packager's ffmpeg runs on " + host);
            } finally {
                loss.undo.accept(lost);
            }
            placed.assertPlays(BACK);

            api.awaitState(path(lost), "UP", BACK);
            awaitNoFfmpeg(lost, "(what ran there reaped)", LEFTOVERS);
            // Two segments' time with the worker UP again, in which a move back would have shown.
            placed.awaitNewSegment(Duration.ofSeconds(20));
            placed.awaitNewSegment(Duration.ofSeconds(20));
            JsonObject after = placed.packager(api);
            assertEquals(moved.getString("host"), after.getString("host"), "not moved back: " + after);
            assertEquals(moved.get("pid"), after.get("pid"), "not restarted either: " + after);
        }
    }

    @Order(4)
    @Test
    void aDrainedWorkersJobsMoveAwayAndUndrainTakesItBack() {
        WorkerHost drained = hosts.get(1);
        try (var placed = PlacedStream.publishing(app, api, ladder, drained.name())) {
            placed.awaitPackagerOn(api, drained.name(), START);
            assertTrue(api.post(path(drained) + "/drain", "{}").status() / 100 == 2);
            api.awaitState(path(drained), "DRAINING", FAILOVER);
            placed.awaitPackagerAwayFrom(api, drained.name(), BACK);
            awaitNoFfmpeg(drained, "(drained)", LEFTOVERS);
            placed.assertPlays(BACK);
            assertTrue(api.post(path(drained) + "/undrain", "{}").status() / 100 == 2);
            api.awaitState(path(drained), "UP", FAILOVER);
        } finally {
            api.post(path(drained) + "/undrain", "{}");
        }
    }

    @Order(5)
    @Test
    void aLadderThatInsistsOnNvencIsPlacedNowhereAndSaysSo() {
        String nvenc = Names.unique("nvenc");
        assertEquals(
                201,
                api.post("/api/v1/ladders", withEncoder(SampleLadders.oneRendition(nvenc, 256, 144), "nvenc"))
                        .status());
        try (var placed = PlacedStream.publishing(app, api, nvenc, null)) {
            String why = Await.until(
                    "the stream's status to say no host has nvenc", START, () -> placed.statusSaying(api, "nvenc"));
            JsonObject packager = placed.packager(api);
            assertTrue(packager == null || !"RUNNING".equals(packager.getString("state")), why + "; " + packager);
            assertEquals(List.of(), placed.onNode(app), "no ffmpeg of it on the node");
            for (WorkerHost host : hosts.all()) {
                awaitNoFfmpeg(host, "(nvenc placed nowhere)", LEFTOVERS);
            }
        } finally {
            api.delete("/api/v1/ladders/" + nvenc);
        }
    }

    @Order(6)
    @Test
    void aRedundantStreamWithItsPackagersOnTwoHostsNeverStallsAPlayerWhenOneIsLost() {
        WorkerHost lost = hosts.get(0);
        hosts.awaitAllUp(api, START);
        try (var placed = PlacedStream.publishingRedundant(app, api, ladder, lost.name())) {
            placed.awaitPackagerOn(api, lost.name(), START);
            JsonObject backup = Await.until(
                    "the backup packager running elsewhere",
                    START,
                    () -> api.get(placed.stream().path("processes")).json().getJsonArray("items").stream()
                            .map(JsonObject.class::cast)
                            .filter(p -> "backup-packager".equals(p.getString("role"))
                                    && "RUNNING".equals(p.getString("state")))
                            .findFirst()
                            .orElse(null));
            assertFalse(lost.name().equals(backup.getString("host")), "the two packagers on two hosts: " + backup);
            // Asked now: a stream made redundant after its creation plays from the stitched playlist.
            String playback = api.get(placed.stream().path()).json().getString("playbackUrl");
            assertTrue(playback.contains("/failover/"), playback);
            placed.assertPlays(START);
            // The stitched playlist is written from the origins' first round on.
            placed.awaitNewSegment(playback, START);
            Process player = HlsPlayer.reading(playback, "redundant");
            placed.awaitNewSegment(playback, START);
            assertTrue(player.isAlive(), "the player reads the stitched playlist");
            try {
                lost.cutLink();
                Duration standstill = placed.longestStandstill(playback, Duration.ofSeconds(20));
                // A 2 s segment plus the 1 s first segment of a switch: a player buffers more than that.
                assertTrue(
                        standstill.compareTo(Duration.ofMillis(4500)) <= 0,
                        "the playlist stood still for " + standstill.toMillis() + " ms");
                assertTrue(player.isAlive(), "the player read on through the loss");
            } finally {
                player.destroyForcibly();
                lost.restoreLink();
            }
            api.awaitState(path(lost), "UP", BACK);
        }
    }

    @Order(9)
    @Test
    void theAppStoppedOrKilledLeavesNoFfmpegOnAnyWorker() {
        try (var first = PlacedStream.publishing(app, api, ladder, hosts.get(0).name());
                var second =
                        PlacedStream.publishing(app, api, ladder, hosts.get(1).name())) {
            hosts.awaitAFfmpegOnEach(START);
            assertEquals(List.of(), app.stop(), "what SIGTERM left on the node");
            hosts.awaitNoFfmpegOnAny("after SIGTERM", LEFTOVERS);

            restartTheApp(first, second);
            first.publish(app);
            second.publish(app);
            hosts.awaitAFfmpegOnEach(START);
            app.crash();
            // Nothing is to be placed again after the restart: only what the crash left is looked for.
            first.stopPublishing();
            second.stopPublishing();
            restartTheApp(first, second);
            hosts.awaitNoFfmpegOnAny("after SIGKILL (the sessions' end or the reconnect's reaping)", LEFTOVERS);
        }
    }

    private static void restartTheApp(PlacedStream... streams) {
        app = new HeadendProcess(app.home(), ENV).start();
        api = app.admin();
        for (PlacedStream stream : streams) {
            stream.via(api);
        }
        hosts.awaitAllUp(api, START);
    }

    /** What is left of the failover budget since the loss (never negative: then one last look). */
    private static Duration left(long lostAt) {
        return Duration.ofNanos(Math.max(0, FAILOVER.toNanos() - (System.nanoTime() - lostAt)));
    }

    private static JsonObject withEncoder(JsonObject ladder, String encoder) {
        var renditions = Json.createArrayBuilder();
        ladder.getJsonArray("renditions")
                .forEach(r ->
                        renditions.add(Json.createObjectBuilder((JsonObject) r).add("encoder", encoder)));
        return Json.createObjectBuilder(ladder).add("renditions", renditions).build();
    }
}
