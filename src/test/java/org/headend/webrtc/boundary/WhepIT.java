package org.headend.webrtc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.headend.testing.ApiUsers;
import org.headend.testing.AppJanus;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.WebRtcNetwork;
import org.headend.testing.pages.WatchPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * WebRTC playback end to end: nginx-rtmp, the bridge ffmpeg, Janus's Streaming plugin and a
 * Chromium viewer that decodes the frames and plays out the audio, over WHEP and through the watch
 * page's Low latency choice; the fallback to HLS when WebRTC cannot connect; refusals that reach
 * no Janus; and the feed stopped after the last viewer's linger (the shared app's default, 10 s).
 */
@ExtendWith(SharedHeadend.class)
class WhepIT {

    private static final Duration LIVE = Duration.ofSeconds(45);
    private static final Duration MEDIA = Duration.ofSeconds(30);
    /** The default linger (10 s) and the bridge's stop grace, with room for a loaded machine. */
    private static final Duration FEED_STOPS = Duration.ofSeconds(20);
    /** Well under the linger: a stream that goes offline takes its feed at once. */
    private static final Duration OFFLINE = Duration.ofSeconds(7);

    /** Wraps the page's RTCPeerConnection so that neither side learns a candidate of the other. */
    private static final String NO_PATH =
            """
            const Native = window.RTCPeerConnection;
            const strip = sdp => sdp.split('\\r\\n').filter(l => !l.startsWith('a=candidate')).join('\\r\\n');
            window.RTCPeerConnection = function (config) {
              const pc = new Native(config);
              const setRemote = pc.setRemoteDescription.bind(pc);
              pc.setRemoteDescription = d => setRemote({ type: d.type, sdp: strip(d.sdp) });
              const local = Object.getOwnPropertyDescriptor(Native.prototype, 'localDescription').get;
              Object.defineProperty(pc, 'localDescription', { get: () => {
                const d = local.call(pc);
                return d && { type: d.type, sdp: strip(d.sdp) };
              } });
              return pc;
            };
            """;

    private static final Logger LOG = Logger.getLogger(WhepIT.class.getName());

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HeadendProcess app;

    @BeforeEach
    void app(HeadendProcess app, WebRtcNetwork network) {
        this.app = app;
    }

    @Test
    void aSourceWithoutBFramesIsCopiedToAWhepPlayerAndItsFeedStopsAfterTheLastViewer() throws Exception {
        var stream = SampleStreams.on(app.admin())
                .unique("rtc")
                .ladder("passthrough")
                .open(true)
                .create();
        try (stream;
                var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 25);
                var browser = new Browser(app.baseUrl(), WhepPlayer.CHROMIUM_FLAGS)) {
            stream.awaitState("LIVE", LIVE);
            List<Long> sessionsBefore = AppJanus.of(app).sessions();
            browser.open("/login");
            var player = new WhepPlayer(browser);

            Map<String, Object> signalled = player.play(app.baseUrl() + "/whep/" + stream.name(), null);

            assertEquals(406L, signalled.get("status"), signalled.toString());
            assertEquals("application/sdp", signalled.get("type"));
            assertEquals(204L, signalled.get("patch"), signalled.toString());
            JsonObject stats = player.awaitMedia(50, 48_000, MEDIA);
            assertSaneAudio(stats);
            LOG.info("First viewer of a copied stream, ms from the POST: " + player.timings() + "; " + stats);
            assertEquals(1, webrtcViewers(stream.name()));
            assertEquals(List.of("webrtc-bridge"), bridges(stream.id()));
            assertTrue(log().contains("WebRTC feed of stream " + stream.id() + " started (video copied)"));

            // A second viewer joins the running feed, then the first leaves by DELETE.
            var second = new WhepPlayer(browser);
            assertEquals(
                    204L,
                    second.play(app.baseUrl() + "/whep/" + stream.name(), null).get("patch"));
            assertSaneAudio(second.awaitMedia(50, 48_000, MEDIA));
            LOG.info("Second viewer, ms from the POST: " + second.timings());
            assertEquals(2, webrtcViewers(stream.name()));
            String location = URI.create(app.baseUrl())
                    .resolve((String) signalled.get("location"))
                    .toString();
            assertEquals(200, send("DELETE", location, null, null).statusCode());
            assertEquals(404, send("DELETE", location, null, null).statusCode());
            assertEquals(1, webrtcViewers(stream.name()));
            assertEquals(List.of("webrtc-bridge"), bridges(stream.id()));

            // The last one closes its PeerConnection without a word: Janus's hangup lets it go.
            second.closeConnection();
            Await.until("the silent viewer's hangup", MEDIA, () -> webrtcViewers(stream.name()) == 0);
            Await.until("the bridge stopped after the linger", FEED_STOPS, () -> bridges(stream.id())
                    .isEmpty());
            assertEquals(0, webrtcViewers(stream.name()));
            assertEquals(sessionsBefore, AppJanus.of(app).sessions(), "Janus sessions left behind");
        }
    }

    @Test
    void aSourceWithBFramesIsEncodedAgainAndPlaysToASignedInViewerThroughTheWatchPagesLowLatencyChoice() {
        var stream = SampleStreams.on(app.admin())
                .unique("rtcb")
                .ladder("passthrough")
                .open(false)
                .create();
        String viewer = Names.unique("viewer");
        ApiUsers.withRole(app, viewer, "viewer");
        try (stream;
                var publisher = Publisher.withBFrames(app.rtmpUrl(), stream.key(), 320, 180, 25);
                var browser = new Browser(app.baseUrl(), WhepPlayer.CHROMIUM_FLAGS)) {
            stream.awaitState("LIVE", LIVE);
            // A protected stream: the WHEP POST is signed by the viewer's session cookie.
            browser.open("/watch/" + stream.name());
            browser.waitFor(d -> browser.currentPath().startsWith("/login"));
            WatchPage.signInHere(browser, viewer, ApiUsers.PASSWORD);
            browser.waitFor(d -> browser.currentPath().equals("/watch/" + stream.name()));
            browser.waitFor(LIVE, d -> browser.text(By.id("watch-state")).equals("LIVE"));

            browser.click(By.id("low-latency"));

            browser.waitFor(MEDIA, d -> "webrtc".equals(mode(browser)));
            JsonObject stats =
                    WhepPlayer.awaitMedia(browser, "window.HeadendWatch.lowLatency.peer()", 50, 48_000, MEDIA);
            assertSaneAudio(stats);
            assertTrue(log().contains("WebRTC feed of stream " + stream.id() + " started (video encoded to baseline)"));
            assertEquals(1, webrtcViewers(stream.name()));
            assertEquals(true, browser.script("return document.getElementById('low-latency-notice').hidden;"));

            // The publisher leaves: the viewer is hung up and the bridge stopped at once, no linger.
            publisher.close();
            Await.until("the feed stopped with the stream", OFFLINE, () -> bridges(stream.id())
                    .isEmpty());
            assertTrue(log().contains("WebRTC feed of stream " + stream.id() + " stopped: the stream went offline"));
        }
    }

    @Test
    void theWatchPageSaysSoAndPlaysHlsWhenWebRtcCannotConnect() {
        // A viewer whose network lets no media through: WHEP's signalling works, ICE finds no path,
        // and the page must fall back on its own. Chromium ignores its UDP policy switches when
        // headless, so the path is taken away in the page: every ICE candidate is stripped from the
        // offer Chromium reads and from the answer it sends.
        String ladder = Names.unique("rtcf");
        assertEquals(
                201,
                app.admin()
                        .post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 320, 180))
                        .status());
        var stream = SampleStreams.on(app.admin())
                .unique("rtcf")
                .ladder(ladder)
                .open(true)
                .create();
        try (stream;
                var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15);
                var browser = new Browser(app.baseUrl(), WhepPlayer.CHROMIUM_FLAGS)) {
            stream.awaitState("LIVE", LIVE);
            browser.open("/watch/" + stream.name());
            browser.waitFor(LIVE, d -> browser.text(By.id("watch-state")).equals("LIVE"));
            browser.script(NO_PATH);

            browser.click(By.id("low-latency"));

            try {
                browser.waitFor(MEDIA, d -> "hls-fallback".equals(mode(browser)));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("WhepIT-fallback");
                throw new AssertionError(
                        "no fallback: mode " + mode(browser) + ", viewers " + webrtcViewers(stream.name()), e);
            }
            assertEquals(
                    "Low latency is not available here; playing the normal stream.",
                    browser.text(By.id("low-latency-notice")));
            assertEquals(false, browser.script("return document.getElementById('low-latency').checked;"));
            double first = browser.waitFor(MEDIA, d -> {
                double t = currentTime(browser);
                return t > 0 ? t : null;
            });
            browser.waitFor(MEDIA, d -> currentTime(browser) > first + 1);
            Await.until("the failed WHEP session ended", FEED_STOPS, () -> webrtcViewers(stream.name()) == 0);
        }
    }

    @Test
    void aJanusThatDiesTakesItsViewersAndFeedsWithItAndTheNextViewerPlays() {
        var stream = SampleStreams.on(app.admin())
                .unique("rtck")
                .ladder("passthrough")
                .open(true)
                .create();
        try (stream;
                var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 25);
                var browser = new Browser(app.baseUrl(), WhepPlayer.CHROMIUM_FLAGS)) {
            stream.awaitState("LIVE", LIVE);
            browser.open("/login");
            String whep = app.baseUrl() + "/whep/" + stream.name();
            assertEquals(204L, new WhepPlayer(browser).play(whep, null).get("patch"));
            Await.until("the first viewer counted", MEDIA, () -> webrtcViewers(stream.name()) == 1);
            AppJanus janus = AppJanus.of(app);
            long pid = janus.process().orElseThrow().pid();

            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

            Await.until(
                    "the viewer and the feed dropped with Janus",
                    FEED_STOPS,
                    () -> webrtcViewers(stream.name()) == 0
                            && bridges(stream.id()).isEmpty());
            Await.until(
                    "a new Janus, ready",
                    MEDIA,
                    () -> janus.process().filter(p -> p.pid() != pid).isPresent() && "UP".equals(janusReadiness()));
            var next = new WhepPlayer(browser);
            Map<String, Object> signalled = next.play(whep, null);
            assertEquals(204L, signalled.get("patch"), signalled.toString());
            assertSaneAudio(next.awaitMedia(50, 48_000, MEDIA));
            String location = URI.create(app.baseUrl())
                    .resolve((String) signalled.get("location"))
                    .toString();
            assertEquals(200, send("DELETE", location, null, null).statusCode());
        }
    }

    @Test
    void refusalsAreProblemsAndReachNoJanus() throws Exception {
        var stream = SampleStreams.on(app.admin())
                .unique("rtcp")
                .ladder("passthrough")
                .open(false)
                .create();
        try (stream) {
            List<Long> sessionsBefore = AppJanus.of(app).sessions();
            double refusedBefore = sessions("refused");
            String whep = app.baseUrl() + "/whep/" + stream.name();
            // .../hls/t/<token>/<expires>/<name>/<playlist>: the playback URL's signed token.
            String[] parts = URI.create(stream.playbackUrl()).getPath().split("/");
            String token = parts[parts.length - 4];
            String expires = parts[parts.length - 3];

            var anonymous = send("POST", whep, null, null);
            assertProblem(401, anonymous);
            assertTrue(anonymous
                    .headers()
                    .firstValue("WWW-Authenticate")
                    .orElse("")
                    .startsWith("Bearer"));
            assertProblem(401, send("POST", whep, "Bearer " + expires + "." + token + "x", null));
            assertProblem(401, send("POST", whep, "Bearer 1000." + token, null));
            assertProblem(401, send("POST", whep, "Basic " + token, null));
            assertProblem(404, send("POST", app.baseUrl() + "/whep/no-such-stream", null, null));
            assertProblem(415, send("POST", whep, null, "text/plain"));
            assertProblem(400, send("POST", whep, "Bearer " + expires + "." + token, "application/sdp", "hello"));
            // The right token gets past the door: the stream is simply not on air.
            assertProblem(409, send("POST", whep, "Bearer " + expires + "." + token, null));
            assertProblem(404, send("PATCH", whep + "/no-such-session", null, "application/sdp", "v=0\r\n"));
            assertProblem(404, send("DELETE", whep + "/no-such-session", null, null));

            assertEquals(sessionsBefore, AppJanus.of(app).sessions(), "Janus sessions made for refusals");
            assertEquals(refusedBefore + 4, sessions("refused"));
        }
    }

    @Test
    void optionsTellPlayersElsewhereWhatTheEndpointTakes() {
        var options = send("OPTIONS", app.baseUrl() + "/whep/any", null, null);

        assertEquals(204, options.statusCode());
        assertEquals(
                "application/sdp", options.headers().firstValue("Accept-Post").orElse(""));
        assertEquals(
                "*", options.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(options.headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .contains("Authorization"));
        assertEquals(405, send("PUT", app.baseUrl() + "/whep/any", null, null).statusCode());
    }

    /** Audio arrived and was mostly real samples, not concealment of lost packets. */
    private static void assertSaneAudio(JsonObject stats) {
        JsonObject audio = stats.getJsonObject("audio");
        long samples = audio.getJsonNumber("samples").longValue();
        long concealed = audio.getJsonNumber("concealed").longValue();
        assertTrue(concealed < samples / 2, "audio mostly concealed: " + audio);
    }

    private String janusReadiness() {
        return app.api().get("/health/ready").json().getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("janus"))
                .map(c -> c.getString("status"))
                .findFirst()
                .orElse("MISSING");
    }

    private static String mode(Browser browser) {
        return (String) browser.script("return document.getElementById('player').getAttribute('data-mode');");
    }

    private static double currentTime(Browser browser) {
        return ((Number) browser.script("return document.getElementById('player').currentTime;")).doubleValue();
    }

    private List<String> bridges(String streamId) {
        return app.admin().get("/api/v1/streams/" + streamId + "/processes").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(p -> !p.getString("state", "").equals("STOPPED"))
                .map(p -> p.getString("role"))
                .filter("webrtc-bridge"::equals)
                .toList();
    }

    private int webrtcViewers(String name) {
        return (int) metric("headend_webrtc_viewers{", "stream=\"" + name + "\"");
    }

    private double sessions(String result) {
        return metric("headend_webrtc_sessions_total{", "result=\"" + result + "\"", "kind=\"play\"");
    }

    private double metric(String prefix, String... labels) {
        return app.api()
                .get("/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith(prefix) && List.of(labels).stream().allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1.0);
    }

    private String log() {
        try {
            return Files.readString(app.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    private static HttpResponse<String> send(String method, String url, String authorization, String type) {
        return send(method, url, authorization, type, type == null ? null : "v=0\r\n");
    }

    private static HttpResponse<String> send(
            String method, String url, String authorization, String type, String body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
