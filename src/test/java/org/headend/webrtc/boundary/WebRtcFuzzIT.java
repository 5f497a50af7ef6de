package org.headend.webrtc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.headend.testing.AppJanus;
import org.headend.testing.HeadendProcess;
import org.headend.testing.SampleOffers;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input to WHIP and WHEP, whatever it is (no body, JSON where SDP belongs, {@code null}, a
 * broken or huge offer, dot segments, unknown sessions, other methods), is answered with a
 * problem and changes nothing: no Janus session, no stream on air, no server error.
 */
@ExtendWith(SharedHeadend.class)
class WebRtcFuzzIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void badSignallingIsRefusedWithAProblemAndChangesNothing(HeadendProcess app) throws Exception {
        var api = app.admin();
        try (var stream = SampleStreams.passthrough(api, "webrtc-fuzz")) {
            var janus = AppJanus.of(app);
            List<Long> sessionsBefore = janus.sessions();
            List<String> bodies = List.of(
                    "",
                    "[]",
                    "null",
                    "{\"sdp\":null}",
                    "..",
                    "v=0\r\n",
                    SampleOffers.OBS.replace("a=rtpmap:96 H264/90000", ""),
                    SampleOffers.OBS.replace("a=fingerprint", "a=x-fingerprint"),
                    "v=0\r\n" + "a=x\r\n".repeat(40_000));
            List<String> types = List.of("application/sdp", "application/json");
            List<String> bearers = List.of("Bearer " + stream.key(), "Bearer wrong", "Basic Og==");
            List<String> wrong = new ArrayList<>();
            for (String body : bodies) {
                for (String type : types) {
                    for (String bearer : bearers) {
                        check(app, "POST", "/whip", type, bearer, body, wrong);
                    }
                    check(app, "POST", "/whep/" + stream.name(), type, null, body, wrong);
                    if (body.length() < 64 * 1024) {
                        // Out of WebRTC's paths: the console's page at / does not drop a large unread body.
                        check(app, "POST", "/whep/..", type, null, body, wrong);
                    }
                }
            }
            for (String path : List.of(
                    "/whip/..",
                    "/whip/%2e%2e",
                    "/whip/" + "a".repeat(5000),
                    "/whip/00000000-0000-0000-0000-000000000000",
                    "/whep/" + stream.name() + "/unknown",
                    "/whep/" + stream.name() + "/..",
                    "/whep/%C3%A9/x",
                    "/whep/nosuchstream")) {
                for (String method : List.of("PATCH", "DELETE", "PUT", "GET", "POST")) {
                    check(
                            app,
                            method,
                            path,
                            "application/trickle-ice-sdpfrag",
                            "Bearer " + stream.key(),
                            "a=x\r\n",
                            wrong);
                    check(app, method, path, "application/sdp", null, "null", wrong);
                }
            }
            assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
            // Another test's feed may close its session meanwhile: only a new session is wrong.
            List<Long> opened = new ArrayList<>(janus.sessions());
            opened.removeAll(sessionsBefore);
            assertEquals(List.of(), opened, "no Janus session was opened or left");
            assertEquals("OFFLINE", api.get(stream.path()).json().getString("state"), "the stream is not on air");
        }
    }

    private static void check(
            HeadendProcess app, String method, String path, String type, String bearer, String body, List<String> wrong)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        String what = method + " " + (path.length() > 60 ? path.substring(0, 60) + "..." : path) + " [" + type + ", "
                + (bearer == null ? "no credentials" : bearer.split(" ")[0]) + ", "
                + (body.length() > 20 ? body.length() + " chars" : "'" + body.replace("\r\n", "\\r\\n") + "'")
                + "]";
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            wrong.add(what + " (no answer within 10 s)");
            return;
        }
        what += " -> " + answer.statusCode();
        // A dot segment leaves the servlet: the listener resolves /whip/.. to /, a console page.
        boolean leaves = path.contains("..") || path.toLowerCase().contains("%2e%2e");
        if (leaves) {
            if (answer.statusCode() >= 500) {
                wrong.add(what + " (a server error)");
            }
            return;
        }
        if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
            wrong.add(what + " (expected a refusal)");
            return;
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() != 405 && !contentType.startsWith("application/problem+json")) {
            wrong.add(what + " (not a problem: " + contentType + ")");
        }
        if (answer.body().contains(app.home().toString()) || answer.body().contains("Exception")) {
            wrong.add(what + " (tells internals: " + answer.body() + ")");
        }
    }
}
