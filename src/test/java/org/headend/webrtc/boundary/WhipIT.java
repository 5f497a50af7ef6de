package org.headend.webrtc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.headend.testing.Api;
import org.headend.testing.AppJanus;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.HlsPlayer;
import org.headend.testing.SampleOffers;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.WebRtcNetwork;
import org.headend.testing.WhipClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Publishing over WHIP against the real thing: the app's Janus, nginx-rtmp and ffmpeg, Chromium
 * with a fake camera and microphone on the go-live page, and OBS-shaped requests from a raw HTTP
 * client. Every test checks that Janus holds no session of its afterwards.
 */
@ExtendWith(SharedHeadend.class)
class WhipIT {

    private static final Duration LIVE = Duration.ofSeconds(40);
    private static final String SDP = "application/sdp";
    private static final String SESSIONS = "headend_webrtc_sessions_total";
    private static final String PUBLISH = "kind=\"publish\"";

    @Test
    void aBrowserGoesLiveFromTheGoLivePageAndItsHlsIsH264AndAac(HeadendProcess app, WebRtcNetwork net)
            throws Exception {
        Api api = app.admin();
        var stream = SampleStreams.passthrough(api, "golive");
        AppJanus janus = AppJanus.of(app);
        List<Long> before = janus.sessions();
        try (var browser = new Browser(app.baseUrl(), Browser.FAKE_MEDIA)) {
            try {
                browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
                browser.waitFor(d -> browser.currentPath().equals("/"));
                browser.open("/stream?id=" + stream.id());
                browser.click(By.id("go-live-link"));
                browser.waitFor(d -> browser.currentPath().startsWith("/go-live"));
                long start = System.nanoTime();
                browser.click(By.id("go-live-start"));
                browser.waitFor(LIVE, d -> isLive(browser));
                long connected = System.nanoTime();
                stream.awaitState("LIVE", LIVE);
                long live = System.nanoTime();
                List<String> roles = Await.until("the bridge among the stream's processes", LIVE, () -> {
                    var parts = api.get(stream.path("processes")).json().getJsonArray("items");
                    List<String> r = parts.stream()
                            .map(p -> p.asJsonObject().getString("role"))
                            .toList();
                    return r.contains("whip-bridge") ? r : null;
                });
                assertTrue(roles.contains("packager"), roles.toString());
                String media = HlsMaster.firstVariant(stream.playbackUrl(), LIVE);
                String streams = Ffprobe.streams(media);
                assertTrue(streams.contains("h264,"), streams);
                assertTrue(streams.contains("aac"), streams);
                Process player = HlsPlayer.reading(stream.playbackUrl(), "whip");
                try {
                    // A player that reads a live stream keeps running; a broken one ends with an error.
                    Await.until(
                            "the player a few seconds in",
                            Duration.ofSeconds(20),
                            () -> player.isAlive()
                                    && player.info()
                                                    .totalCpuDuration()
                                                    .orElse(Duration.ZERO)
                                                    .toMillis()
                                            > 300);
                    assertTrue(player.isAlive(), "the HLS player plays on");
                } finally {
                    player.destroyForcibly();
                }
                assertTrue(metric(api, "headend_webrtc_publishers") >= 1);

                long stop = System.nanoTime();
                browser.click(By.id("go-live-stop"));
                browser.waitFor(d -> "idle".equals(state(browser)));
                stream.awaitState("OFFLINE", Duration.ofSeconds(20));
                long offline = System.nanoTime();
                System.out.printf(
                        "WhipIT figures: Start to connected %d ms, to LIVE %d ms; Stop to OFFLINE %d ms%n",
                        (connected - start) / 1_000_000, (live - start) / 1_000_000, (offline - stop) / 1_000_000);
                Await.until("no bridge left", Duration.ofSeconds(20), () -> api.get(stream.path("processes"))
                        .json()
                        .getJsonArray("items")
                        .isEmpty());
                Await.until("no Janus session left", Duration.ofSeconds(10), () -> added(janus, before)
                        .isEmpty());
            } finally {
                browser.screenshot("whip-go-live");
            }
        } finally {
            stream.close();
        }
    }

    @Test
    void anObsStyleOfferIsAnsweredWithH264AndOpusAndDeleteEndsTheSession(HeadendProcess app, WebRtcNetwork net) {
        Api api = app.admin();
        var stream = SampleStreams.passthrough(api, "obs");
        var whip = new WhipClient(app.baseUrl());
        AppJanus janus = AppJanus.of(app);
        List<Long> before = janus.sessions();
        try {
            var options = whip.options("/whip");
            assertEquals(204, options.status());
            assertEquals(SDP, options.header("Accept-Post"));
            assertEquals("*", options.header("Access-Control-Allow-Origin"));
            assertTrue(options.header("Access-Control-Allow-Headers").contains("Authorization"));

            var created = whip.publish(stream.key(), SDP, SampleOffers.OBS);
            assertEquals(201, created.status(), created.body());
            assertEquals(SDP, created.header("Content-Type").split(";")[0]);
            String location = created.header("Location");
            assertTrue(location.matches("/whip/[A-Za-z0-9_-]{20,}"), location);
            assertFalse(location.contains(stream.key()));
            assertFalse(created.header("ETag").isEmpty());
            String answer = created.body();
            assertTrue(answer.contains("a=rtpmap:96 H264/90000"), answer);
            assertTrue(answer.contains("a=rtpmap:111 opus/48000/2"), answer);
            assertTrue(answer.contains("a=candidate:"), "Janus's candidates in the answer");
            assertTrue(answer.contains(net.address()), "gathered on the WebRTC interface: " + answer);
            assertEquals(1, added(janus, before).size());
            assertEquals(
                    List.of("whip-bridge"),
                    Await.until(
                            "the bridge running", Duration.ofSeconds(10), () -> roles(api, stream.path("processes"))));

            // A second publisher of the same stream is refused while the first holds it.
            var second = whip.publish(stream.key(), SDP, SampleOffers.OBS);
            assertEquals(409, second.status(), second.body());
            assertEquals(1, added(janus, before).size(), "the refusal opened no session");

            String candidate = "a=mid:0\r\na=candidate:1 1 udp 2113937151 10.9.9.9 51000 typ host\r\n";
            assertEquals(401, whip.patch(location, "wrong", null, candidate).status());
            assertEquals(
                    204,
                    whip.patch(location, stream.key(), created.header("ETag"), candidate)
                            .status());
            assertEquals(
                    412,
                    whip.patch(location, stream.key(), "\"other\"", candidate).status());
            assertEquals(
                    422,
                    whip.patch(location, stream.key(), "*", "a=ice-ufrag:New1\r\na=ice-pwd:newpasswordnewpassword\r\n")
                            .status(),
                    "no ICE restarts");

            assertEquals(401, whip.delete(location, null).status());
            assertEquals(200, whip.delete(location, stream.key()).status());
            assertEquals(404, whip.delete(location, stream.key()).status());
            Await.until("no Janus session left", Duration.ofSeconds(10), () -> added(janus, before)
                    .isEmpty());
            Await.until("no bridge left", Duration.ofSeconds(10), () -> roles(api, stream.path("processes"))
                    .isEmpty());
            assertTrue(metric(api, SESSIONS, PUBLISH, "result=\"accepted\"") >= 1);
        } finally {
            stream.close();
        }
    }

    @Test
    void refusalsLeaveNoJanusSession(HeadendProcess app, WebRtcNetwork net) {
        Api api = app.admin();
        var stream = SampleStreams.passthrough(api, "refused");
        var srt = SampleStreams.on(api)
                .unique("srtin")
                .input(Json.createObjectBuilder().add("type", "srt"))
                .create();
        var whip = new WhipClient(app.baseUrl());
        AppJanus janus = AppJanus.of(app);
        List<Long> sessions = janus.sessions();
        try {
            double before = metric(api, SESSIONS, PUBLISH, "result=\"unauthorized\"");
            assertProblem(whip.publish(null, SDP, SampleOffers.OBS), 401);
            assertProblem(whip.publish("sk_not_a_key", SDP, SampleOffers.OBS), 401);
            assertProblem(whip.publish(stream.key(), "application/json", "{}"), 415);
            assertProblem(whip.publish(stream.key(), SDP, "not sdp at all"), 400);
            assertProblem(whip.publish(stream.key(), SDP, SampleOffers.AUDIO_ONLY), 400);
            assertProblem(whip.publish(stream.key(), SDP, SampleOffers.VP8), 400);
            assertProblem(whip.publish(srt.key(), SDP, SampleOffers.OBS), 409);
            assertEquals(before + 2, metric(api, SESSIONS, PUBLISH, "result=\"unauthorized\""));
            assertEquals(List.of(), added(janus, sessions), "no refusal opened a Janus session");
            assertEquals(404, whip.delete("/whip/nosuchsession", stream.key()).status());
        } finally {
            srt.close();
            stream.close();
        }
    }

    @Test
    void whenJanusIsKilledThePublisherEndsAndANewSessionWorksOnceJanusIsBack(HeadendProcess app, WebRtcNetwork net)
            throws Exception {
        Api api = app.admin();
        var stream = SampleStreams.passthrough(api, "janusloss");
        var whip = new WhipClient(app.baseUrl());
        try (var browser = new Browser(app.baseUrl(), Browser.FAKE_MEDIA)) {
            browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
            browser.waitFor(d -> browser.currentPath().equals("/"));
            browser.open("/go-live?stream=" + stream.id());
            browser.click(By.id("go-live-start"));
            browser.waitFor(LIVE, d -> isLive(browser));
            stream.awaitState("LIVE", LIVE);
            long janusPid = janusPid(app);

            ProcessHandle.of(janusPid).ifPresent(ProcessHandle::destroyForcibly);
            stream.awaitState("OFFLINE", Duration.ofSeconds(30));
            Await.until("no bridge left", Duration.ofSeconds(20), () -> roles(api, stream.path("processes"))
                    .isEmpty());
            assertEquals(0.0, metric(api, "headend_webrtc_publishers"));

            long restarted = Await.until("Janus restarted", Duration.ofSeconds(60), () -> {
                long pid = janusPid(app);
                return pid != janusPid && pid > 0 ? pid : null;
            });
            assertTrue(restarted != janusPid);
            var created = Await.until("a new session taken", Duration.ofSeconds(30), () -> {
                var reply = whip.publish(stream.key(), SDP, SampleOffers.OBS);
                return reply.status() == 201 ? reply : null;
            });
            // The restarted Janus began empty: this session is its only one of ours.
            assertEquals(1, AppJanus.of(app).sessions().size());
            assertEquals(
                    200, whip.delete(created.header("Location"), stream.key()).status());
            Await.until("no Janus session left", Duration.ofSeconds(10), () -> AppJanus.of(app)
                    .sessions()
                    .isEmpty());
        } finally {
            stream.close();
        }
    }

    private static long janusPid(HeadendProcess app) {
        return AppJanus.of(app)
                .process()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .orElse(-1L);
    }

    /** Janus's sessions that were not there before. */
    private static List<Long> added(AppJanus janus, List<Long> before) {
        return janus.sessions().stream().filter(id -> !before.contains(id)).toList();
    }

    private static void assertProblem(WhipClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0], reply.body());
    }

    private static List<String> roles(Api api, String path) {
        return api.get(path).json().getJsonArray("items").stream()
                .map(p -> p.asJsonObject().getString("role"))
                .toList();
    }

    /** The sum of a metric's series that carry every given label ({@code kind="publish"}). */
    static double metric(Api api, String name, String... labels) {
        return api.get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String state(Browser browser) {
        return browser.find(By.id("go-live-state")).getAttribute("data-state");
    }

    /** True once the page is live; stops waiting at once with the page's own error when it failed. */
    private static Boolean isLive(Browser browser) {
        String state = state(browser);
        if ("failed".equals(state)) {
            throw new AssertionError("go-live failed: " + browser.text(By.id("go-live-error")));
        }
        return "live".equals(state) ? Boolean.TRUE : null;
    }
}
