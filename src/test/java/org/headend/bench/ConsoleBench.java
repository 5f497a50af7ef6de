package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's figures for BENCHMARKS.md, run by bench/console.sh (never by ./headend test):
 * push latency from a change in the app to the DOM update with 1 and 20 open consoles, and the
 * dashboard's load time and weight with 0 and 50 streams. Both sides of each ratio in one run.
 */
class ConsoleBench {

    private static final int CHANGES = Integer.getInteger("bench.changes", 50);
    private static final int CONSOLES = Integer.getInteger("bench.consoles", 20);
    private static final int LOADS = Integer.getInteger("bench.loads", 10);

    private static HeadendProcess app;
    private static Api admin;

    @BeforeAll
    static void start() {
        app = HeadendProcess.inTempHome(Map.of()).start();
        admin = app.admin();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void pushLatency() {
        String one = latency(1);
        String many = latency(CONSOLES);
        System.out.println("BENCH push-latency consoles=1 " + one);
        System.out.println("BENCH push-latency consoles=" + CONSOLES + " " + many);
    }

    /** CHANGES stream creations and deletions, each pushed to every console; ms from event to DOM. */
    private String latency(int consoles) {
        List<Browser> browsers = new ArrayList<>();
        try {
            for (int i = 0; i < consoles; i++) {
                Browser browser = new Browser(app.baseUrl());
                browsers.add(browser);
                browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
                browser.waitFor(d -> browser.currentPath().equals("/"));
                browser.awaitPushOpen();
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                if (i % 2 == 0) {
                    ids.add(admin.post("/api/v1/streams", "{\"name\":\"" + Names.unique("bench") + "\"}")
                            .json()
                            .getString("id"));
                } else {
                    assertEquals(
                            204,
                            admin.delete("/api/v1/streams/" + ids.remove(0)).status());
                }
                int expected = i + 1;
                for (Browser b : browsers) {
                    Await.until(
                            "change " + expected + " on every console",
                            java.time.Duration.ofSeconds(10),
                            () -> String.valueOf(expected)
                                    .equals(b.script("return document.body.getAttribute('data-push-count');")));
                }
            }
            ids.forEach(id -> admin.delete("/api/v1/streams/" + id));
            List<Long> all = new ArrayList<>();
            for (Browser b : browsers) {
                @SuppressWarnings("unchecked")
                List<Number> latencies = (List<Number>) b.script("return headend.push.latencies;");
                latencies.forEach(l -> all.add(l.longValue()));
            }
            Collections.sort(all);
            return "samples=" + all.size() + " median_ms=" + percentile(all, 50) + " p99_ms=" + percentile(all, 99)
                    + " max_ms=" + all.get(all.size() - 1);
        } finally {
            browsers.forEach(Browser::close);
        }
    }

    @Test
    void dashboardLoad() {
        String empty = load("0");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(admin.post(
                            "/api/v1/streams",
                            Json.createObjectBuilder()
                                    .add("name", Names.unique("dash"))
                                    .build())
                    .json()
                    .getString("id"));
        }
        String fifty = load("50");
        ids.forEach(id -> admin.delete("/api/v1/streams/" + id));
        System.out.println("BENCH dashboard streams=0 " + empty);
        System.out.println("BENCH dashboard streams=50 " + fifty);
    }

    /** LOADS loads of the dashboard in one signed-in browser: the first cold, the rest with its cache. */
    private String load(String label) {
        try (Browser browser = new Browser(app.baseUrl())) {
            browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
            browser.waitFor(d -> browser.currentPath().equals("/"));
            List<Long> times = new ArrayList<>();
            long htmlBytes = 0;
            long totalBytes = 0;
            for (int i = 0; i < LOADS; i++) {
                browser.open("/");
                browser.awaitPushOpen();
                times.add(((Number)
                                browser.script(
                                        "var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"))
                        .longValue());
                htmlBytes = ((Number)
                                browser.script("return performance.getEntriesByType('navigation')[0].decodedBodySize;"))
                        .longValue();
                totalBytes = ((Number) browser.script("var e = performance.getEntriesByType('navigation')"
                                + ".concat(performance.getEntriesByType('resource'));"
                                + "return e.reduce(function(s, x) { return s + x.decodedBodySize; }, 0);"))
                        .longValue();
            }
            long cold = times.get(0);
            List<Long> warm = new ArrayList<>(times.subList(1, times.size()));
            Collections.sort(warm);
            return "html_bytes=" + htmlBytes + " page_bytes=" + totalBytes + " cold_ms=" + cold + " warm_median_ms="
                    + percentile(warm, 50) + " rows=" + label;
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
