package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Playback figures for BENCHMARKS.md, run by bench/playback.sh (never by ./headend test): wrk
 * against the signed playbackUrl (nginx checking secure_link) and against a plain nginx serving
 * the same files statically, interleaved in one run; then simulated viewers, each reloading its
 * media playlist every target duration and fetching each new segment, as a player does.
 */
class PlaybackBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int VIEWERS = Integer.getInteger("bench.viewers", 1000);
    private static final Duration VIEWING = Duration.ofSeconds(Integer.getInteger("bench.viewing-seconds", 30));

    private static HeadendProcess app;
    private static Api api;

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
    void throughputAndViewers() throws Exception {
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        Json.createObjectBuilder()
                                .add("name", Names.unique("bench"))
                                .add("ladder", "passthrough")
                                .build())
                .json();
        String id = stream.getString("id");
        String name = stream.getString("name");
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 640, 360, 25);
                StaticNginx plain = new StaticNginx(app.home().resolve("hls"))) {
            Await.until("stream live", Duration.ofSeconds(60), () -> "LIVE"
                    .equals(api.get("/api/v1/streams/" + id).json().getString("state")));
            String master = api.get("/api/v1/streams/" + id).json().getString("playbackUrl");
            String signedBase = master.substring(0, master.lastIndexOf('/') + 1);
            String media = signedBase + "source/index.m3u8";
            String segment = signedBase + "source/" + newestSegment(fetch(media, "bench"));
            String plainBase = plain.url(name + "/");
            String plainSegment = plainBase + segment.substring(signedBase.length());
            // The segment must outlive the wrk runs: copy it aside so the rolling window cannot delete it.
            Path kept =
                    app.home().resolve("hls").resolve(name).resolve("source").resolve("bench.ts");
            Files.copy(app.home().resolve("hls").resolve(name).resolve(segment.substring(signedBase.length())), kept);
            String signedKept = signedBase + "source/bench.ts";
            String plainKept = plainBase + "source/bench.ts";

            for (int round = 1; round <= ROUNDS; round++) {
                report("playlist signed round=" + round, wrk(media));
                report("playlist static round=" + round, wrk(plainBase + "source/index.m3u8"));
                report("segment signed round=" + round, wrk(signedKept));
                report("segment static round=" + round, wrk(plainKept));
            }
            System.out.println("BENCH segment_bytes=" + Files.size(kept) + " (copy of " + plainSegment + ")");
            viewers(media, name);
        } finally {
            api.delete("/api/v1/streams/" + id + "?force=true");
        }
    }

    private static void viewers(String media, String name) throws Exception {
        var figures = new ViewerFigures();
        long cpu0 = ticks(app.handle().pid());
        long end = System.nanoTime() + VIEWING.toNanos();
        // Players are periodic tasks, as a player's reload timer is: no thread per viewer sleeping.
        var clock = Executors.newScheduledThreadPool(200);
        for (int i = 0; i < VIEWERS; i++) {
            var player = new SimulatedPlayer(media, "bench-viewer-" + i, figures);
            // Spread over one target duration, as real players' reloads are.
            clock.scheduleAtFixedRate(player::reload, (i * 2000L) / VIEWERS, 2000, TimeUnit.MILLISECONDS);
        }
        var counted = new AtomicLong();
        clock.scheduleAtFixedRate(
                () -> counted.accumulateAndGet(viewersMetric(name), Math::max), 5, 1, TimeUnit.SECONDS);
        Await.until("the viewing to end", VIEWING.plusSeconds(10), () -> System.nanoTime() >= end);
        clock.shutdownNow();
        clock.awaitTermination(30, TimeUnit.SECONDS);
        double seconds = VIEWING.toSeconds();
        double appCpu = (ticks(app.handle().pid()) - cpu0) / 100.0 / seconds * 100;
        List<Long> sorted = new ArrayList<>(figures.latencies);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH viewers=%d seconds=%d playlist_requests=%d playlist_p50_ms=%.1f playlist_p99_ms=%.1f"
                        + " segments=%d mbit_per_s=%.1f errors=%d headend_viewers_max=%d app_cpu_pct=%.1f%n",
                VIEWERS,
                VIEWING.toSeconds(),
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                figures.segments.get(),
                figures.bytes.get() * 8 / seconds / 1e6,
                figures.errors.get(),
                counted.get(),
                appCpu);
    }

    /** What all simulated players saw. */
    private static final class ViewerFigures {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong segments = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
    }

    /** One simulated player: each reload fetches the media playlist, then its newest segment if new. */
    private static final class SimulatedPlayer {

        private final String media;
        private final String base;
        private final String agent;
        private final ViewerFigures figures;
        private String last;

        SimulatedPlayer(String media, String agent, ViewerFigures figures) {
            this.media = media;
            this.base = media.substring(0, media.lastIndexOf('/') + 1);
            this.agent = agent;
            this.figures = figures;
        }

        void reload() {
            try {
                long t0 = System.nanoTime();
                var playlist = HTTP.send(get(media, agent), HttpResponse.BodyHandlers.ofString());
                figures.latencies.add(System.nanoTime() - t0);
                if (playlist.statusCode() != 200) {
                    figures.errors.incrementAndGet();
                    return;
                }
                String newest = newestSegment(playlist.body());
                if (newest.equals(last)) {
                    return;
                }
                var segment = HTTP.send(get(base + newest, agent), HttpResponse.BodyHandlers.ofByteArray());
                if (segment.statusCode() == 200) {
                    figures.segments.incrementAndGet();
                    figures.bytes.addAndGet(segment.body().length);
                    last = newest;
                } else {
                    figures.errors.incrementAndGet();
                }
            } catch (IOException e) {
                figures.errors.incrementAndGet();
            } catch (InterruptedException e) {
                // The bench has ended: the player stops with it.
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private static HttpRequest get(String url, String agent) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", agent)
                .GET()
                .build();
    }

    private static String fetch(String url, String agent) throws IOException, InterruptedException {
        var reply = HTTP.send(get(url, agent), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), url);
        return reply.body();
    }

    private static String newestSegment(String playlist) {
        List<String> uris =
                playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return uris.get(uris.size() - 1);
    }

    private static long viewersMetric(String name) {
        return app.api()
                .get("/metrics?scope=application")
                .body()
                .lines()
                .filter(l -> l.startsWith("headend_viewers{") && l.contains("stream=\"" + name + "\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .max()
                .orElse(0);
    }

    /** wrk -t2 -c100 -d10s --latency: requests/s and p99 latency. */
    private static String wrk(String url) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c100", "-d10s", "--latency", url)
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor(60, TimeUnit.SECONDS);
        String rps = out.lines()
                .filter(l -> l.startsWith("Requests/sec:"))
                .map(l -> l.replaceAll("[^0-9.]", ""))
                .findFirst()
                .orElse("?");
        String p99 = out.lines()
                .filter(l -> l.trim().startsWith("99%"))
                .map(l -> l.trim().split("\\s+")[1])
                .findFirst()
                .orElse("?");
        String non2xx = out.lines()
                .filter(l -> l.contains("Non-2xx"))
                .map(l -> l.replaceAll("\\D", ""))
                .findFirst()
                .orElse("0");
        return "requests_per_s=" + rps + " p99=" + p99 + " non_2xx=" + non2xx;
    }

    private static void report(String what, String figures) {
        System.out.println("BENCH " + what + " " + figures);
    }

    private static long ticks(long pid) throws IOException {
        String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat"))
                .replaceAll(".*\\) ", "")
                .split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A plain nginx serving the HLS folder with no token check: the baseline. */
    private static final class StaticNginx implements AutoCloseable {

        private final int port = FreePorts.next();
        private final Process nginx;

        StaticNginx(Path root) throws IOException {
            Path prefix = Files.createTempDirectory("headend-static-nginx");
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("conf"));
            Files.writeString(
                    prefix.resolve("conf/nginx.conf"),
                    """
                    worker_processes 1;
                    pid %1$s/logs/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    daemon off;
                    user root;
                    events { worker_connections 4096; }
                    http {
                        access_log off;
                        sendfile on;
                        tcp_nopush on;
                        types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
                        server {
                            listen 127.0.0.1:%2$d;
                            location /static/ { alias %3$s/; }
                        }
                    }
                    """
                            .formatted(prefix, port, root));
            nginx = new ProcessBuilder(
                            "nginx", "-p", prefix.toString(), "-c", "conf/nginx.conf", "-e", prefix + "/logs/error.log")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                    .start();
            Await.until("the static nginx", Duration.ofSeconds(10), () -> {
                try (var socket = new java.net.Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + "/static/" + path;
        }

        @Override
        public void close() {
            nginx.destroy();
        }
    }
}
