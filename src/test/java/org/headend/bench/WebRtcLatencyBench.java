package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.SampleStreams;
import org.headend.testing.SampleStreams.SampleStream;
import org.headend.testing.WebRtcNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Glass-to-glass latency for BENCHMARKS.md, run by bench/webrtc-latency.sh (never by ./headend
 * test): one {@link TimecodeSource} published to the app over RTMP, watched at the same time in
 * one headless Chromium over HLS (the app's own watch page, hls.js as viewers get it) and over
 * WebRTC: through the app's {@code /whep/{name}} ({@code whep}), straight from a Janus of the
 * bench's own fed by the same encode over RTP ({@code janus}, no bridge of the app's in the path),
 * and from that Janus fed by the app's bridge command run by the bench from the app's nginx-rtmp
 * ({@code bridge}: what nginx and the bridge add, without the app's signalling); {@code whep-video}
 * is {@code whep} with the audio declined in the answer (no lip sync holding the video back).
 * Every path reads the clock drawn into each frame it presents; p50/p95/max per path and the
 * ratios, from one run.
 */
class WebRtcLatencyBench {

    private static final List<String> PATHS =
            List.of(System.getProperty("bench.paths", "whep,whep-video,janus").split(","));
    private static final List<String> BRIDGE_INPUT_ARGS =
            List.of(System.getProperty("bench.bridge-input-args", "").split(" ")).stream()
                    .filter(a -> !a.isBlank())
                    .toList();
    private static final String LADDER = System.getProperty("bench.ladder", "passthrough");
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 15));
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

    private static WebRtcBenchApp bench;
    private static WebRtcNetwork network;
    private static HeadendProcess app;
    private static Api admin;

    @BeforeAll
    static void start() {
        bench = WebRtcBenchApp.start(Map.of());
        network = bench.network();
        app = bench.app();
        admin = bench.admin();
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void glassToGlass() {
        BenchJanus janus =
                PATHS.contains("janus") || PATHS.contains("bridge") ? BenchJanus.start(network.janusInterface()) : null;
        BenchBridge bridge = null;
        try (SampleStream stream = SampleStreams.on(admin)
                        .unique("glass")
                        .ladder(LADDER)
                        .open(true)
                        .create();
                TimecodeSource source = TimecodeSource.start(
                        app.rtmpUrl() + "/" + stream.key(),
                        janus == null ? null : "rtp://127.0.0.1:" + janus.videoPort());
                Browser browser = webRtcBrowser(app.baseUrl())) {
            stream.awaitState("LIVE", Duration.ofSeconds(60));
            browser.open("/watch/" + stream.name());
            browser.find(By.id("player"));
            browser.script(resource("bench/glass-reader.js"));
            browser.script("glass.read(document.getElementById('player'), 'hls');");
            List<String> paths = new ArrayList<>(List.of("hls"));
            if (PATHS.contains("whep")) {
                paths.add("whep");
                Object opened = browser.script(
                        "return glass.watch('whep', 'whep', arguments[0]);", app.baseUrl() + "/whep/" + stream.name());
                System.out.println("BENCH whep " + opened);
            }
            if (PATHS.contains("whep-video")) {
                paths.add("whep-video");
                Object opened = browser.script(
                        "return glass.watch('whep-video', 'whep-video', arguments[0]);",
                        app.baseUrl() + "/whep/" + stream.name());
                System.out.println("BENCH whep-video " + opened);
            }
            if (PATHS.contains("bridge")) {
                paths.add("bridge");
                bridge = BenchBridge.start(app.rtmpUrl() + "/" + stream.name(), janus.bridgePort(), BRIDGE_INPUT_ARGS);
                Object opened = browser.script(
                        "return glass.watch('bridge', 'janus', arguments[0], arguments[1], arguments[2]);",
                        janus.apiUrl(),
                        janus.secret(),
                        BenchJanus.BRIDGE_MOUNTPOINT);
                System.out.println("BENCH bridge " + opened);
            }
            if (PATHS.contains("janus")) {
                paths.add("janus");
                Object opened = browser.script(
                        "return glass.watch('janus', 'janus', arguments[0], arguments[1], arguments[2]);",
                        janus.apiUrl(),
                        janus.secret(),
                        BenchJanus.MOUNTPOINT);
                System.out.println("BENCH janus " + opened);
            }
            for (String path : paths) {
                Await.until(path + " frames read back", Duration.ofSeconds(60), () -> !samples(browser, path, 0)
                        .isEmpty());
            }
            pause(WARMUP);
            long from = System.currentTimeMillis();
            String load0 = CpuWindow.load();
            pause(WINDOW);
            assertTrue(source.isAlive(), "the timecode source still runs");
            Map<String, List<Long>> latencies = new LinkedHashMap<>();
            for (String path : paths) {
                latencies.put(path, samples(browser, path, from));
            }
            report(latencies, browser, load0);
            latencies.forEach((path, values) -> assertTrue(
                    values.size() > WINDOW.toSeconds() * 10,
                    path + ": " + values.size() + " frames read in " + WINDOW.toSeconds() + " s"));
        } finally {
            if (bridge != null) {
                bridge.close();
            }
            if (janus != null) {
                janus.close();
            }
        }
    }

    private static void report(Map<String, List<Long>> latencies, Browser browser, String load0) {
        System.out.println("BENCH machine " + Runtime.getRuntime().availableProcessors() + " cores, load " + load0
                + " -> " + CpuWindow.load() + ", ladder " + LADDER + ", window " + WINDOW.toSeconds() + " s after "
                + WARMUP.toSeconds() + " s warm-up");
        System.out.println("BENCH unreadable frames " + browser.script("return glass.unreadable();"));
        latencies.forEach((path, v) -> System.out.printf(
                "BENCH latency %-10s frames=%d p50_ms=%.0f p95_ms=%.0f max_ms=%.0f min_ms=%.0f%n",
                path, v.size(), Stats.percentile(v, 50), Stats.percentile(v, 95), Stats.max(v), Stats.min(v)));
        List<Long> hls = latencies.get("hls");
        latencies.forEach((path, v) -> {
            if (!path.equals("hls")) {
                System.out.printf(
                        "BENCH ratio hls/%s p50=%.1f p95=%.1f; goal %s p95 < 500 ms: %s%n",
                        path,
                        Stats.percentile(hls, 50) / Stats.percentile(v, 50),
                        Stats.percentile(hls, 95) / Stats.percentile(v, 95),
                        path,
                        Stats.percentile(v, 95) < 500 ? "met" : "NOT met");
            }
        });
    }

    /** The latencies (ms) of the frames a path presented since {@code from} (epoch ms). */
    @SuppressWarnings("unchecked")
    private static List<Long> samples(Browser browser, String path, long from) {
        List<List<Number>> all =
                (List<List<Number>>) browser.script("return glass.samples()[arguments[0]] || [];", path);
        return all.stream()
                .filter(s -> s.get(0).longValue() >= from)
                .map(s -> s.get(1).longValue())
                .toList();
    }

    static Browser webRtcBrowser(String base) {
        return new Browser(
                base,
                // Host candidates as addresses: Janus cannot resolve Chromium's mDNS names.
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling");
    }

    static String resource(String name) {
        try (InputStream in = WebRtcLatencyBench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a measured stretch of time pass (the bench's window, not a synchronisation). */
    static void pause(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        Await.until(
                "the end of " + duration.toSeconds() + " s", duration.plusSeconds(30), () -> System.nanoTime() >= end);
    }
}
