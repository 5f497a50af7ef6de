package org.headend.origin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.HlsOrigin;
import org.headend.testing.HlsPlayer;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failover between two real external origins (ffmpeg packaging HLS, served over HTTP) while a
 * real player (ffmpeg reading the playback URL) plays: the primary answers 500, is frozen with
 * SIGSTOP, is killed; each time playback moves to the backup with a rising media sequence and a
 * discontinuity at the seam, and comes back after the hysteresis.
 */
@ExtendWith(SharedHeadend.class)
class OriginFailoverIT {

    // fail-after 2 probes, at most 2 × 2 s for a stale playlist, probe interval 1 s, plus load.
    private static final Duration FAILOVER = Duration.ofSeconds(20);
    // recover-after 5 probes of 1 s, plus load.
    private static final Duration SWITCHBACK = Duration.ofSeconds(30);

    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.api = app.admin();
    }

    @Test
    void playbackFollowsTheHealthyOriginThroughA500AFreezeAndAKill() throws Exception {
        var stream = SampleStreams.passthrough(api, "origins");
        String name = stream.name();
        String origins = stream.path() + "/origins";
        try (HlsOrigin primary = HlsOrigin.start("primary");
                HlsOrigin backup = HlsOrigin.start("backup")) {
            primary.awaitPlaylist(Duration.ofSeconds(30));
            backup.awaitPlaylist(Duration.ofSeconds(30));
            String a = add(origins, "primary", primary.url(), 1);
            String b = add(origins, "backup", backup.url(), 2);

            String playbackUrl =
                    api.get("/api/v1/streams/" + stream.id()).json().getString("playbackUrl");
            assertTrue(playbackUrl.endsWith("/" + name + "/failover/master.m3u8"), playbackUrl);
            awaitActive(origins, a, FAILOVER);
            String media = HlsMaster.firstVariant(playbackUrl, FAILOVER);
            awaitPlaying(media, primary, FAILOVER);
            JsonObject shown = api.get(origins + "/" + a).json();
            assertEquals("UP", shown.getString("health"));
            assertEquals(200, shown.getInt("lastHttpStatus"));

            Process player = HlsPlayer.reading(playbackUrl, "origin");
            try {
                // Manual override, then back to automatic choice.
                assertTrue(api.post(origins + "/" + b + "/activate", "").json().getBoolean("active"));
                awaitPlaying(media, backup, FAILOVER);
                api.post(origins + "/auto", "");
                awaitActive(origins, a, FAILOVER);

                long sequence = failOver(origins, media, b, backup, primary::failWith500, true);
                assertTrue(api.get(origins + "/" + a).json().getString("health").equals("DOWN"));
                primary.failWith500(false);
                awaitActive(origins, a, SWITCHBACK);
                awaitPlaying(media, primary, FAILOVER);
                assertTrue(mediaSequence(media) > sequence, "the sequence rises across the switch back");
                assertTrue(player.isAlive(), "the player survived a 500 and the switch back");

                failOver(origins, media, b, backup, frozen -> primary.freeze(), true);
                primary.thaw();
                awaitActive(origins, a, SWITCHBACK);
                assertTrue(player.isAlive(), "the player survived a frozen origin");

                failOver(origins, media, b, backup, killed -> primary.kill(), true);
                assertTrue(player.isAlive(), "the player survived a killed origin");

                String history = api.get(origins + "/history").body();
                assertTrue(
                        history.contains("\"kind\":\"FAILOVER\"") && history.contains("\"kind\":\"SWITCHBACK\""),
                        "the switches are listed with why: " + history);
                String metrics = api.get("/metrics").body();
                assertTrue(metric(metrics, "headend_failovers_total", "stream=\"" + name + "\"") >= 3, metrics);
                assertTrue(metric(metrics, "headend_switchbacks_total", "stream=\"" + name + "\"") >= 3, metrics);
                assertTrue(
                        metric(
                                        metrics,
                                        "headend_origin_http_errors_total",
                                        "stream=\"" + name + "\"",
                                        "origin=\"primary\"",
                                        "class=\"5xx\"")
                                >= 2,
                        metrics);
                assertEquals(
                        1, metric(metrics, "headend_origin_active", "stream=\"" + name + "\"", "origin=\"backup\""));
                assertEquals(0, metric(metrics, "headend_origin_up", "stream=\"" + name + "\"", "origin=\"primary\""));
                assertTrue(metric(
                                metrics,
                                "headend_origin_segment_age_seconds",
                                "stream=\"" + name + "\"",
                                "origin=\"primary\"")
                        > 4);
            } finally {
                player.destroyForcibly();
            }
        } finally {
            stream.close();
        }
    }

    @Test
    void aFlappingOriginIsLeftOnceAndReturnedToOnlyAfterAWholeRecoveryWindow() throws Exception {
        var stream = SampleStreams.passthrough(api, "flapping");
        String name = stream.name();
        String origins = stream.path() + "/origins";
        ScheduledExecutorService flapper = Executors.newSingleThreadScheduledExecutor();
        try (HlsOrigin primary = HlsOrigin.start("flapping");
                HlsOrigin backup = HlsOrigin.start("steady")) {
            primary.awaitPlaylist(Duration.ofSeconds(30));
            backup.awaitPlaylist(Duration.ofSeconds(30));
            String a = add(origins, "primary", primary.url(), 1);
            String b = add(origins, "backup", backup.url(), 2);
            awaitActive(origins, a, FAILOVER);

            // 500 and 200 by turns, 1.5 s each: never the 5 good probes in a row a recovery needs.
            AtomicInteger flips = new AtomicInteger();
            flapper.scheduleAtFixedRate(
                    () -> primary.failWith500(flips.incrementAndGet() % 2 == 1), 0, 1500, TimeUnit.MILLISECONDS);
            awaitActive(origins, b, FAILOVER);
            Await.until("eight flips, two recovery windows", Duration.ofSeconds(30), () -> flips.get() >= 9);
            String flapped = api.get(origins + "/history").body();
            assertEquals(1, count(flapped, "FAILOVER"), "left once: " + flapped);
            assertEquals(0, count(flapped, "SWITCHBACK"), "never returned to while flapping: " + flapped);

            flapper.shutdownNow();
            flapper.awaitTermination(5, TimeUnit.SECONDS);
            primary.failWith500(true);
            Await.until("a probe of the failing primary", FAILOVER, () -> Integer.valueOf(500)
                    .equals(api.get(origins + "/" + a).json().getInt("lastHttpStatus", 0)));
            primary.failWith500(false);
            Instant steady = Instant.now();
            awaitActive(origins, a, SWITCHBACK);
            assertTrue(
                    Duration.between(steady, Instant.now()).toMillis() >= 4_000,
                    "the switch back waits for recover-after good probes");
            assertEquals(1, count(api.get(origins + "/history").body(), "SWITCHBACK"));
        } finally {
            flapper.shutdownNow();
            stream.close();
        }
    }

    private static long count(String history, String kind) {
        return history.split("\"kind\":\"" + kind + "\"", -1).length - 1;
    }

    @Test
    void badOriginsAreRefusedWithProblems() {
        var stream = SampleStreams.passthrough(api, "origins");
        String origins = stream.path() + "/origins";
        try {
            for (String body : List.of(
                    "{\"name\":\"x\",\"url\":\"ftp://h/index.m3u8\"}",
                    "{\"name\":\"x\",\"url\":\"http:///index.m3u8\"}",
                    "{\"url\":\"http://h/index.m3u8\"}",
                    "{\"name\":\"local\",\"url\":\"http://h/index.m3u8\"}",
                    "{\"name\":\"x\",\"url\":\"http://h/index.m3u8\",\"priority\":-1}",
                    "{\"name\":\"x\",\"url\":\"http://h/index.m3u8\",\"colour\":\"red\"}")) {
                var reply = api.post(origins, body);
                assertEquals(400, reply.status(), body + " → " + reply.body());
                assertTrue(reply.isProblem(), reply.contentType());
            }
            add(origins, "edge", "http://127.0.0.1:9/live/index.m3u8", 5);
            assertEquals(
                    409,
                    api.post(origins, "{\"name\":\"edge\",\"url\":\"http://h/i.m3u8\"}")
                            .status());
            assertEquals(404, api.get(origins + "/no-such-origin").status());
            assertEquals(404, api.post(origins + "/no-such-origin/activate", "").status());
            assertEquals(404, api.get("/api/v1/streams/no-such-stream/origins").status());
        } finally {
            stream.close();
        }
    }

    /** The sum of a series' samples whose labels include all of {@code labels}. */
    private static double metric(String page, String series, String... labels) {
        return page.lines()
                .filter(l -> l.startsWith(series + "{"))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private interface Failure {
        void cause(boolean on);
    }

    /** Causes the failure and waits for the backup to be played; the media sequence before it. */
    private long failOver(
            String origins, String media, String backupId, HlsOrigin backup, Failure failure, boolean on) {
        long before = mediaSequence(media);
        failure.cause(on);
        awaitActive(origins, backupId, FAILOVER);
        String playlist = awaitPlaying(media, backup, FAILOVER);
        assertTrue(playlist.contains("#EXT-X-DISCONTINUITY\n"), playlist);
        assertTrue(mediaSequence(media) >= before, "the sequence never falls: " + playlist);
        return before;
    }

    private String add(String origins, String name, String url, int priority) {
        var reply =
                api.post(origins, "{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"priority\":" + priority + "}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private void awaitActive(String origins, String originId, Duration deadline) {
        Await.until(originId + " active", deadline, () -> api.get(origins + "/" + originId)
                .json()
                .getBoolean("active"));
    }

    /** Waits until the stitched playlist's newest segment comes from {@code origin}. */
    private static String awaitPlaying(String media, HlsOrigin origin, Duration deadline) {
        String prefix = origin.url().replace("index.m3u8", "");
        return Await.until("segments of " + prefix + " in " + media, deadline, () -> {
            var reply = Api.fetch(media);
            List<String> uris =
                    reply.body().lines().filter(l -> !l.startsWith("#")).toList();
            return reply.status() == 200
                            && !uris.isEmpty()
                            && uris.get(uris.size() - 1).startsWith(prefix)
                    ? reply.body()
                    : null;
        });
    }

    private static long mediaSequence(String media) {
        return Api.fetch(media)
                .body()
                .lines()
                .filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1)))
                .findFirst()
                .orElseThrow();
    }
}
