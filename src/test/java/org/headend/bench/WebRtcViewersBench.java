package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.headend.testing.Api;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.SampleStreams;
import org.headend.testing.SampleStreams.SampleStream;
import org.headend.testing.WebRtcNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebRTC viewers of one stream for BENCHMARKS.md, run by bench/webrtc-viewers.sh (never by
 * ./headend test). Receive-only RTCPeerConnections are added in steps in headless Chromium pages
 * (no {@code <video>}: each still receives and decodes), and at each step Janus's CPU, the app's
 * (JVM and bridge), the browser's and the machine's are measured over a window; every viewer's
 * video packet count must grow in it. Janus's CPU per viewer is the slope over the steps, and the
 * viewers one core carries are extrapolated from it when the 2 cores give out first (the browser
 * decoding every viewer's video costs far more than Janus sending it). The signalling is timed
 * as the viewers are added: sessions set up per second and the app JVM's CPU per session.
 * Path {@code whep}: the app's /whep and its Janus; {@code janus}: a Janus of the bench's own fed
 * directly over RTP (no app in the signalling).
 */
class WebRtcViewersBench {

    private static final String PATH = System.getProperty("bench.path", "whep");
    private static final int[] STEPS = Arrays.stream(
                    System.getProperty("bench.steps", "0,5,10,20,30").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    private static final int PER_PAGE = Integer.getInteger("bench.viewers-per-page", 30);
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));

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
    void viewersPerCore() {
        BenchJanus janus = PATH.equals("janus") ? BenchJanus.start(network.janusInterface()) : null;
        List<Browser> pages = new ArrayList<>();
        try (SampleStream stream = SampleStreams.on(admin)
                        .unique("viewers")
                        .ladder("passthrough")
                        .open(true)
                        .create();
                TimecodeSource source = TimecodeSource.start(
                        app.rtmpUrl() + "/" + stream.key(),
                        janus == null ? null : "rtp://127.0.0.1:" + janus.videoPort())) {
            stream.awaitState("LIVE", Duration.ofSeconds(60));
            Object[] target = janus == null
                    ? new Object[] {"whep", app.baseUrl() + "/whep/" + stream.name(), null, null}
                    : new Object[] {"janus", janus.apiUrl(), janus.secret(), BenchJanus.MOUNTPOINT};
            System.out.println("BENCH machine " + Runtime.getRuntime().availableProcessors() + " cores, load "
                    + CpuWindow.load() + ", path " + PATH + ", window " + WINDOW.toSeconds() + " s per step");
            List<double[]> points = new ArrayList<>();
            double setupSeconds = 0;
            double appCpuForSetups = 0;
            int setUp = 0;
            double idleJvm = 0;
            List<Number> setupMs = new ArrayList<>();
            for (int step : STEPS) {
                int have = count(pages);
                while (have < step) {
                    if (pages.isEmpty() || count(pages.subList(pages.size() - 1, pages.size())) >= PER_PAGE) {
                        pages.add(page(stream.name()));
                    }
                    Browser page = pages.get(pages.size() - 1);
                    int add = Math.min(step - have, PER_PAGE - count(List.of(page)));
                    double jvm0 = CpuWindow.cpuSeconds(app.handle().pid());
                    long t0 = System.nanoTime();
                    page.script(
                            "return glass.addViewers(arguments[0], arguments[1], arguments[2], arguments[3],"
                                    + " arguments[4]);",
                            add,
                            target[0],
                            target[1],
                            target[2],
                            target[3]);
                    setupSeconds += (System.nanoTime() - t0) / 1e9;
                    appCpuForSetups += CpuWindow.cpuSeconds(app.handle().pid()) - jvm0;
                    setUp += add;
                    have = count(pages);
                }
                WebRtcLatencyBench.pause(Duration.ofSeconds(step == 0 ? 0 : 3));
                long[] before = packets(pages);
                long janusPid = janus != null ? janus.pid() : janusOfApp();
                CpuWindow.Result r = CpuWindow.measure(
                        WINDOW,
                        Map.of(
                                "janus", () -> List.of(janusPid),
                                "app", appTree(janusPid),
                                "browser", browserTree()));
                long[] after = packets(pages);
                int flowing = 0;
                for (int i = 0; i < after.length; i++) {
                    flowing += after[i] > (i < before.length ? before[i] : 0) ? 1 : 0;
                }
                double janusCpu = r.groups().get("janus").percent();
                if (have == 0) {
                    idleJvm = r.groups().get("app").byCommand().getOrDefault("java", 0.0) / 100;
                }
                points.add(new double[] {have, janusCpu});
                System.out.printf(
                        "BENCH viewers=%d flowing=%d janus_cpu=%.1f%% app_cpu=%.1f%% %s browser_cpu=%.1f%% machine=%.0f%%"
                                + " load=%s%n",
                        have,
                        flowing,
                        janusCpu,
                        r.groups().get("app").percent(),
                        r.groups().get("app").byCommand(),
                        r.groups().get("browser").percent(),
                        r.machinePercent(),
                        CpuWindow.load());
                assertTrue(flowing == have, flowing + " of " + have + " viewers received video in the window");
                for (Browser page : pages) {
                    @SuppressWarnings("unchecked")
                    List<Number> ms = (List<Number>) page.script("return glass.setups().splice(0);");
                    setupMs.addAll(ms);
                }
                // Not on the machine's total: other work shares these 2 cores, so it says little.
                if (janusCpu >= 100) {
                    System.out.println("BENCH stopped: Janus at one core");
                    break;
                }
            }
            double[] fit = fit(points);
            // The JVM's own idle rate (timers, polls) over the setup time is not the sessions'.
            double netAppCpu = appCpuForSetups - idleJvm * setupSeconds;
            System.out.printf(
                    "BENCH janus_cpu_per_viewer=%.2f%% base=%.1f%% -> viewers per core (extrapolated)=%.0f%n",
                    fit[1], fit[0], fit[1] > 0 ? (100 - fit[0]) / fit[1] : Double.POSITIVE_INFINITY);
            System.out.printf(
                    "BENCH signalling sessions=%d setup_p50_ms=%.0f setup_p95_ms=%.0f sessions_per_s=%.1f"
                            + " app_jvm_cpu_ms_per_session=%.1f (net of idle %.1f%%)%n",
                    setUp,
                    Stats.percentile(setupMs, 50),
                    Stats.percentile(setupMs, 95),
                    setUp / setupSeconds,
                    netAppCpu * 1000 / Math.max(1, setUp),
                    idleJvm * 100);
            for (Browser page : pages) {
                @SuppressWarnings("unchecked")
                List<Object> failures = (List<Object>) page.script("return glass.failures();");
                assertTrue(failures.isEmpty(), "viewers that failed to connect: " + failures);
            }
        } finally {
            for (Browser page : pages) {
                try {
                    page.script("return glass.closeViewers();");
                } catch (RuntimeException gone) {
                    // The page is closed below anyway.
                }
                page.close();
            }
            if (janus != null) {
                janus.close();
            }
        }
    }

    private Browser page(String name) {
        Browser page = WebRtcLatencyBench.webRtcBrowser(app.baseUrl());
        // Adding a page's viewers one after the other takes longer than Selenium's 30 s default.
        page.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
        // A page of the app's origin, so /whep is same-origin: the stream's watch page, paused.
        page.open("/watch/" + name);
        page.script("document.getElementById('player').remove();");
        page.script(WebRtcLatencyBench.resource("bench/glass-reader.js"));
        return page;
    }

    private static int count(List<Browser> pages) {
        int n = 0;
        for (Browser page : pages) {
            n += ((Number) page.script("return glass.viewerCount();")).intValue();
        }
        return n;
    }

    /** Video packets received so far by each viewer, in page order. */
    @SuppressWarnings("unchecked")
    private static long[] packets(List<Browser> pages) {
        List<Long> all = new ArrayList<>();
        for (Browser page : pages) {
            for (List<Object> v : (List<List<Object>>) page.script("return glass.viewerStats();")) {
                all.add(((Number) v.get(1)).longValue());
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private long janusOfApp() {
        return app.children("janus").stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("the app runs no janus"))
                .pid();
    }

    /** The app's JVM and its children but Janus (nginx, packager, the WebRTC bridge). */
    private static Supplier<List<Long>> appTree(long janusPid) {
        return () -> {
            List<Long> pids = new ArrayList<>();
            pids.add(app.handle().pid());
            app.handle()
                    .descendants()
                    .map(ProcessHandle::pid)
                    .filter(p -> p != janusPid)
                    .forEach(pids::add);
            return pids;
        };
    }

    /** This JVM's chromedriver and Chromium processes. */
    private static Supplier<List<Long>> browserTree() {
        return () -> ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Least squares: {intercept, slope} of janus CPU % over viewers. */
    private static double[] fit(List<double[]> points) {
        double n = points.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / n, slope};
    }
}
