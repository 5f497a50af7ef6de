package org.headend.origin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * hls.js in headless Chromium (the stream page's preview, which plays the playback URL) keeps
 * playing a redundant stream through a kill -9 of its primary packager: it goes on past all it had
 * buffered before the failure, with segments of the backup, and reports no fatal error.
 */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class PlayerFailoverIT {

    private static final Duration START = Duration.ofSeconds(60);
    // The supervisor's exit signal and a probe, the backup's next segment, hls.js' next playlist
    // reload, and 4 s of playing on: well within this on a quiet machine, so the rest is load.
    private static final Duration PLAY_ON = Duration.ofSeconds(40);
    private static final double PLAYED_PAST_FAILURE = 4.0;

    @Test
    void hlsJsPlaysOnWhenThePrimaryPackagerIsKilled(HeadendProcess app, Browser browser) throws Exception {
        Api api = app.admin();
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        "{\"name\":\"" + Names.unique("player-failover")
                                + "\",\"ladder\":\"passthrough\",\"redundancy\":true}")
                .json();
        String id = stream.getString("id");
        String origins = "/api/v1/streams/" + id + "/origins";
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            long primaryPid = primaryPid(api, origins);
            String media = HlsMaster.firstVariant(stream.getString("playbackUrl"), START);
            Await.until("the backup packager up", START, () -> "UP"
                    .equals(api.get(origins + "/local-backup").json().getString("health")));
            browser.open("/stream?id=" + id);
            browser.waitFor(START, d -> currentTime(browser) > 2);
            assertTrue(segmentsFetched(browser, false), "playing the primary's segments");
            assertTrue(!segmentsFetched(browser, true), "not yet the backup's");

            double bufferedAtFailure = bufferedEnd(browser);
            assertEquals(
                    0,
                    new ProcessBuilder("kill", "-KILL", Long.toString(primaryPid))
                            .start()
                            .waitFor());

            try {
                browser.waitFor(PLAY_ON, d -> {
                    assertNull(fatal(browser), "no fatal hls.js error");
                    return currentTime(browser) > bufferedAtFailure + PLAYED_PAST_FAILURE;
                });
            } catch (org.openqa.selenium.TimeoutException stalled) {
                throw new AssertionError(
                        "currentTime " + currentTime(browser) + " never passed "
                                + (bufferedAtFailure + PLAYED_PAST_FAILURE) + "; hls.js errors: " + errors(browser)
                                + "; playlist: " + Api.fetch(media).body(),
                        stalled);
            }
            assertTrue(segmentsFetched(browser, true), "played the backup's segments");
            assertNull(fatal(browser), "no fatal hls.js error");
        } finally {
            api.delete("/api/v1/streams/" + id + "?force=true");
        }
    }

    private static double currentTime(Browser browser) {
        return ((Number) browser.script("return document.getElementById('preview').currentTime;")).doubleValue();
    }

    private static double bufferedEnd(Browser browser) {
        return ((Number)
                        browser.script(
                                "var b = document.getElementById('preview').buffered; return b.length ? b.end(b.length - 1) : 0;"))
                .doubleValue();
    }

    private static String fatal(Browser browser) {
        return (String) browser.script("return document.getElementById('preview').getAttribute('data-hls-fatal');");
    }

    private static String errors(Browser browser) {
        return (String) browser.script("return document.getElementById('preview').getAttribute('data-hls-errors');");
    }

    /** Whether the page has fetched segments of the backup packager, or of the primary. */
    private static boolean segmentsFetched(Browser browser, boolean backup) {
        return (Boolean) browser.script(
                "var backup = arguments[0]; return performance.getEntriesByType('resource').some(function (e) {"
                        + " return /\\.ts(\\?|$)/.test(e.name) && e.name.indexOf('/source/') >= 0"
                        + " && (e.name.indexOf('/packager-backup/') >= 0) === backup; });",
                backup);
    }

    /** The active local packager's pid, once it is the active origin. */
    private static long primaryPid(Api api, String origins) {
        return Await.until("the primary packager active", START, () -> {
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
}
