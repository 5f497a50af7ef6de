package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.HlsOrigin;
import org.headend.testing.HlsPlayer;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover figures for BENCHMARKS.md, run by bench/failover.sh (never by ./headend test): for each
 * kind of primary failure, repeated {@code bench.failures} times, the time from the failure until
 * the playback URL's media playlist offers a segment of the backup, the longest time the newest
 * segment it offers stands still around the failure, whether a real player (ffmpeg reading the
 * playback URL) lives through it, and the switch back once the primary is restored.
 */
class FailoverBench {

    private static final int FAILURES = Integer.getInteger("bench.failures", 10);
    private static final Duration FAILOVER = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    private static HeadendProcess app;
    private static Api api;

    /** A failure of the primary; what it returns restores the primary. */
    private interface Failure {
        Runnable cause();
    }

    private record Sample(long failoverMs, long gapMs, long backMs, long backGapMs, boolean readerAlive) {}

    @BeforeAll
    static void start() {
        app = HeadendProcess.inTempHome(Map.of()).start();
        api = app.admin();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void redundantLocalPackagers() {
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        "{\"name\":\"" + Names.unique("bench-redundant")
                                + "\",\"ladder\":\"passthrough\",\"redundancy\":true}")
                .json();
        String origins = "/api/v1/streams/" + stream.getString("id") + "/origins";
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            primaryPid(origins);
            Await.until("the backup packager up", RECOVERY, () -> "UP"
                    .equals(api.get(origins + "/local-backup").json().getString("health")));
            Predicate<String> primary = uri -> uri.startsWith("../../source/");
            Predicate<String> backup = uri -> uri.startsWith("../../packager-backup/");
            String playbackUrl = stream.getString("playbackUrl");
            measure("local", "kill-9", playbackUrl, primary, backup, () -> {
                signal("KILL", primaryPid(origins));
                return () -> {}; // the supervisor restarts the packager itself
            });
            measure("local", "sigstop", playbackUrl, primary, backup, () -> {
                long pid = primaryPid(origins);
                signal("STOP", pid);
                return () -> signal("CONT", pid);
            });
        } finally {
            api.delete("/api/v1/streams/" + stream.getString("id") + "?force=true");
        }
    }

    @Test
    void externalOrigins() {
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        "{\"name\":\"" + Names.unique("bench-origins") + "\",\"ladder\":\"passthrough\"}")
                .json();
        String origins = "/api/v1/streams/" + stream.getString("id") + "/origins";
        try (HlsOrigin primary = HlsOrigin.start("bench-primary");
                HlsOrigin backup = HlsOrigin.start("bench-backup")) {
            primary.awaitPlaylist(FAILOVER);
            backup.awaitPlaylist(FAILOVER);
            add(origins, "primary", primary.url(), 1);
            add(origins, "backup", backup.url(), 2);
            String playbackUrl =
                    api.get("/api/v1/streams/" + stream.getString("id")).json().getString("playbackUrl");
            Predicate<String> fromPrimary = uri -> uri.startsWith(primary.url().replace("index.m3u8", ""));
            Predicate<String> fromBackup = uri -> uri.startsWith(backup.url().replace("index.m3u8", ""));
            measure("external", "http-500", playbackUrl, fromPrimary, fromBackup, () -> {
                primary.failWith500(true);
                return () -> primary.failWith500(false);
            });
            measure("external", "sigstop", playbackUrl, fromPrimary, fromBackup, () -> {
                primary.freeze();
                return primary::thaw;
            });
            measure("external", "kill-9", playbackUrl, fromPrimary, fromBackup, () -> {
                primary.kill();
                return primary::restart;
            });
        } finally {
            api.delete("/api/v1/streams/" + stream.getString("id"));
        }
    }

    private static void measure(
            String scope,
            String kind,
            String playbackUrl,
            Predicate<String> primary,
            Predicate<String> backup,
            Failure failure) {
        String media = HlsMaster.firstVariant(playbackUrl, RECOVERY);
        String loadBefore = load();
        List<Sample> samples = new ArrayList<>();
        Process reader = null;
        try (PlaylistWatch watch = new PlaylistWatch(media)) {
            for (int i = 0; i < FAILURES; i++) {
                // Steady on the primary, with the failure at a random moment within a segment.
                long steady = watch.awaitChange(
                        "the primary's segments in " + media, System.nanoTime(), 2, primary, RECOVERY);
                if (reader == null || !reader.isAlive()) {
                    reader = HlsPlayer.reading(playbackUrl, "bench-" + scope + "-" + kind);
                }
                long at = steady + ThreadLocalRandom.current().nextLong(2_000_000_000L);
                Await.until("a random moment", Duration.ofSeconds(5), () -> System.nanoTime() >= at);

                long t0 = System.nanoTime();
                Runnable restore = failure.cause();
                long switched = watch.awaitChange("the backup's segments in " + media, t0, 1, backup, FAILOVER);
                long next = watch.awaitChange("the backup's next segment in " + media, t0, 2, backup, FAILOVER);
                long gap = watch.longestStillMillis(t0, next);
                boolean alive = reader.isAlive();

                long r0 = System.nanoTime();
                restore.run();
                long back = watch.awaitChange("the primary's segments again in " + media, r0, 1, primary, RECOVERY);
                long backNext = watch.awaitChange("the primary's next segment in " + media, r0, 2, primary, RECOVERY);
                samples.add(new Sample(
                        (switched - t0) / 1_000_000,
                        gap,
                        (back - r0) / 1_000_000,
                        watch.longestStillMillis(r0, backNext),
                        alive && reader.isAlive()));
                System.out.println("BENCH-SAMPLE scope=" + scope + " kind=" + kind + " " + samples.get(i));
            }
        } finally {
            if (reader != null) {
                reader.destroyForcibly();
            }
        }
        System.out.println("BENCH scope=" + scope + " kind=" + kind + " failures=" + samples.size()
                + " failover_ms median=" + median(samples, Sample::failoverMs) + " min="
                + min(samples, Sample::failoverMs)
                + " max=" + max(samples, Sample::failoverMs)
                + " | gap_ms median=" + median(samples, Sample::gapMs) + " max=" + max(samples, Sample::gapMs)
                + " | reader_survived="
                + samples.stream().filter(Sample::readerAlive).count() + "/" + samples.size()
                + " | switchback_ms median=" + median(samples, Sample::backMs) + " gap_at_switchback_ms median="
                + median(samples, Sample::backGapMs) + " max=" + max(samples, Sample::backGapMs)
                + " | load " + loadBefore + " -> " + load());
    }

    private static long median(List<Sample> samples, ToLongFunction<Sample> f) {
        long[] v = samples.stream().mapToLong(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static long min(List<Sample> samples, ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).min().orElse(-1);
    }

    private static long max(List<Sample> samples, ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).max().orElse(-1);
    }

    /** The local packager that is active (waiting for it); its pid. */
    private static long primaryPid(String origins) {
        return Await.until("the primary packager active", RECOVERY, () -> {
            var reply = api.get(origins + "/local");
            JsonObject origin = reply.status() == 200 ? reply.json() : null;
            return origin != null
                            && origin.getBoolean("active")
                            && origin.get("pid") != null
                            && origin.get("pid").getValueType() == JsonValue.ValueType.NUMBER
                    ? origin.getJsonNumber("pid").longValue()
                    : null;
        });
    }

    private static void add(String origins, String name, String url, int priority) {
        var reply =
                api.post(origins, "{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"priority\":" + priority + "}");
        assertEquals(201, reply.status(), reply.body());
    }

    private static void signal(String name, long pid) {
        try {
            // A CONT may find the process already replaced by the supervisor: not an error.
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
