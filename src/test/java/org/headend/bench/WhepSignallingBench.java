package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.SampleStreams.SampleStream;
import org.headend.testing.WebRtcNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's CPU for WebRTC signalling, for BENCHMARKS.md, run by bench/webrtc-viewers.sh (never
 * by ./headend test): WHEP sessions of one live public stream opened ({@code POST}: the app
 * creates a Janus session and handle, asks the Streaming plugin to watch, answers 406 with the
 * offer) and closed ({@code DELETE}) by CONCURRENCY clients at once, no media (the browser's part
 * is measured by WebRtcViewersBench). Sessions per second, and CPU milliseconds per session of
 * the app's JVM and of Janus, each net of its own idle rate measured just before.
 */
class WhepSignallingBench {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 300);
    private static final int WARMUP = Integer.getInteger("bench.warmup-sessions", 100);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);

    private static WebRtcBenchApp bench;
    private static WebRtcNetwork network;
    private static HeadendProcess app;
    private static Api admin;

    @BeforeAll
    static void start() {
        // The stream's feed stays up between sessions: its start and stop are not signalling.
        bench = WebRtcBenchApp.start(Map.of("HEADEND_WEBRTC_VIEWER_LINGER", "PT10M"));
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
    void sessionsPerSecond() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (SampleStream stream = SampleStreams.on(admin)
                        .unique("signal")
                        .ladder("passthrough")
                        .open(true)
                        .create();
                Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 640, 360, 30)) {
            stream.awaitState("LIVE", Duration.ofSeconds(60));
            String whep = app.baseUrl() + "/whep/" + stream.name();
            // The first session starts the stream's feed (mountpoint, bridge): not signalling. The
            // next WARMUP let the JIT compile the path, as it has in an app that has run a while.
            assertEquals(List.of(), session(http, whep, 1));
            assertEquals(List.of(), session(http, whep, WARMUP));
            WebRtcLatencyBench.pause(Duration.ofSeconds(5));
            long jvm = app.handle().pid();
            long janus = app.children("janus").get(0).pid();
            double[] idle = rates(jvm, janus, Duration.ofSeconds(10));
            double jvm0 = CpuWindow.cpuSeconds(jvm);
            double janus0 = CpuWindow.cpuSeconds(janus);
            long t0 = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int c = 0; c < CONCURRENCY; c++) {
                int share = SESSIONS / CONCURRENCY + (c < SESSIONS % CONCURRENCY ? 1 : 0);
                runs.add(clients.submit(() -> session(http, whep, share)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> run : runs) {
                failures.addAll(run.get());
            }
            clients.shutdown();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double jvmMs = (CpuWindow.cpuSeconds(jvm) - jvm0 - idle[0] * seconds) * 1000 / SESSIONS;
            double janusMs = (CpuWindow.cpuSeconds(janus) - janus0 - idle[1] * seconds) * 1000 / SESSIONS;
            System.out.printf(
                    "BENCH whep-signalling sessions=%d concurrency=%d seconds=%.1f sessions_per_s=%.1f"
                            + " app_jvm_cpu_ms_per_session=%.1f janus_cpu_ms_per_session=%.1f"
                            + " (idle: jvm %.1f%%, janus %.1f%%) load=%s%n",
                    SESSIONS,
                    CONCURRENCY,
                    seconds,
                    SESSIONS / seconds,
                    jvmMs,
                    janusMs,
                    idle[0] * 100,
                    idle[1] * 100,
                    CpuWindow.load());
            assertEquals(List.of(), failures);
        }
    }

    /** {@code n} sessions one after the other: POST (406 and an offer), then DELETE (200). */
    private static List<String> session(HttpClient http, String whep, int n) throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> offer = http.send(
                    HttpRequest.newBuilder(URI.create(whep))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (offer.statusCode() != 406 || !offer.body().startsWith("v=0")) {
                failures.add("POST " + offer.statusCode() + " " + offer.body());
                continue;
            }
            String location = offer.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> gone = http.send(
                    HttpRequest.newBuilder(URI.create(whep).resolve(location))
                            .DELETE()
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (gone.statusCode() != 200) {
                failures.add("DELETE " + gone.statusCode() + " " + gone.body());
            }
        }
        return failures;
    }

    /** CPU cores (seconds per second) each process uses at rest over the window. */
    private static double[] rates(long jvm, long janus, Duration window) {
        double a = CpuWindow.cpuSeconds(jvm);
        double b = CpuWindow.cpuSeconds(janus);
        long t0 = System.nanoTime();
        WebRtcLatencyBench.pause(window);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new double[] {(CpuWindow.cpuSeconds(jvm) - a) / seconds, (CpuWindow.cpuSeconds(janus) - b) / seconds};
    }
}
