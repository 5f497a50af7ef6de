package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SampleStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application on PostgreSQL, crashed, stopped and started again as an operator would: what a
 * crash left is ended, what was created survives, nothing it started outlives a stop, and readiness
 * says why when nginx-rtmp is missing.
 */
class PostgresLifecycleIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database =
            "headend_it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private HeadendProcess app;

    @BeforeEach
    void createDatabase() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (app != null) {
            app.stop();
        }
        try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Map<String, String> postgres() {
        return Map.of("HEADEND_DB_URL", SERVER + database, "HEADEND_DB_USER", "postgres");
    }

    /**
     * One database and data directory through three runs, as an operator would see them: a crash,
     * a start that ends what the crashed run left and is stopped cleanly, and a start without
     * nginx-rtmp. One scenario, not two, because each run of Payara Micro costs 15-25 s.
     */
    @Test
    void crashLeftoversAreEndedStreamsSurviveRestartsAndNothingOutlivesAStop() throws Exception {
        // Redundant by default: a backup packager runs too, and must not outlive the app either.
        var redundant = new java.util.HashMap<>(postgres());
        redundant.put("HEADEND_ORIGINS_REDUNDANT", "true");
        app = HeadendProcess.inTempHome(redundant).start();
        var ready = app.api().get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("PostgreSQL"), ready.body());

        Api api = app.admin();
        var ladder = SampleLadders.oneRendition("kept", 426, 240);
        assertEquals(201, api.post("/api/v1/ladders", ladder).status());
        var stream = SampleStreams.on(api).name("keep").ladder("passthrough").create();
        assertTrue(
                stream.json().getBoolean("redundancy"), "headend.origins.redundant is the default, also in the answer");

        // 1. A crash leaves nginx and the packagers running.
        List<ProcessHandle> orphans;
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            stream.awaitState("LIVE", Duration.ofSeconds(60));
            orphans = app.crash();
        }
        assertTrue(orphans.stream().anyMatch(ProcessHandle::isAlive), "a crash leaves nginx and ffmpeg running");

        // 2. The next start ends them, runs its own nginx-rtmp, and a SIGTERM leaves nothing behind.
        app = new HeadendProcess(app.home(), redundant).start();
        Await.until("the leftovers to be ended", Duration.ofSeconds(10), () -> orphans.stream()
                .noneMatch(ProcessHandle::isAlive));
        assertTrue(
                ProcessHandle.allProcesses().noneMatch(PostgresLifecycleIT::isOrphanedNginxWorker),
                "no nginx worker outlives its master");
        assertEquals(200, app.api().get("/health/ready").status(), "the new run has its own nginx-rtmp");
        var restarted = stream.via(app.admin());
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            restarted.awaitState("LIVE", Duration.ofSeconds(60));
            Await.until(
                    "both packagers to run",
                    Duration.ofSeconds(30),
                    () -> app.children("ffmpeg").size() >= 2);
            assertFalse(app.children("nginx").isEmpty(), "nginx-rtmp runs");

            assertTrue(app.stop().isEmpty(), "SIGTERM stops every ffmpeg and nginx the app started");
            publisher.awaitExit(Duration.ofSeconds(30));
        }

        // 3. Again on the same database and data directory, this time without nginx-rtmp.
        int nowhere = FreePorts.next();
        app = new HeadendProcess(
                        app.home(),
                        Map.of(
                                "HEADEND_DB_URL",
                                SERVER + database,
                                "HEADEND_DB_USER",
                                "postgres",
                                "HEADEND_NGINX_MANAGED",
                                "false",
                                "HEADEND_HLS_PORT",
                                Integer.toString(nowhere),
                                "HEADEND_RTMP_PORT",
                                Integer.toString(FreePorts.next())))
                .start();
        var notReady = app.api().get("/health/ready");
        assertEquals(503, notReady.status());
        assertTrue(notReady.body().contains("nginx-rtmp is unreachable"), notReady.body());

        Api again = app.admin();
        var keep = again.get(stream.path()).json();
        assertEquals("keep", keep.getString("name"));
        assertTrue(keep.getBoolean("redundancy"), "redundancy is stored");
        var kept = again.get("/api/v1/ladders/kept").json();
        assertEquals(240, kept.getJsonArray("renditions").getJsonObject(0).getInt("height"));
        var publish = again.postForm(
                "/api/hooks/rtmp/publish?secret=" + HeadendProcess.HOOK_SECRET,
                "call=publish&app=live&addr=127.0.0.1&clientid=1&name=" + stream.key());
        assertEquals(302, publish.status(), "the key issued before the restarts still publishes");
        assertEquals(
                204,
                again.postForm(
                                "/api/hooks/rtmp/publish_done?secret=" + HeadendProcess.HOOK_SECRET,
                                "call=publish_done&clientid=1")
                        .status());
    }

    /** A worker whose master died is adopted by init (or the nearest subreaper, never Java). */
    private static boolean isOrphanedNginxWorker(ProcessHandle p) {
        return p.info().commandLine().orElse("").contains("nginx: worker process")
                && p.parent()
                        .map(parent -> !parent.info().command().orElse("").endsWith("/nginx"))
                        .orElse(true);
    }
}
