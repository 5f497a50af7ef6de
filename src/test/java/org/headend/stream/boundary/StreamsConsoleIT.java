package org.headend.stream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.DashboardPage;
import org.headend.testing.pages.StreamPage;
import org.headend.testing.pages.StreamsPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The console's streams pages in a real browser against the running app. */
@ExtendWith(SharedHeadend.class)
class StreamsConsoleIT {

    private HeadendProcess app;
    private Browser browser;

    @BeforeEach
    void open(HeadendProcess app) {
        this.app = app;
        browser = new Browser(app.baseUrl());
    }

    @AfterEach
    void close(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void anAdminSignsInCreatesAStreamSeesItsKeyOnceRotatesAndDeletesIt() {
        browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
        browser.waitFor(d -> browser.currentPath().equals("/"));
        assertEquals("admin", browser.text(By.id("signed-in-as")).split(" ")[0]);

        String name = Names.unique("console");
        var streams = StreamsPage.open(browser).create(name);
        String key = streams.shownKey();
        assertTrue(key.startsWith("hk_"), key);
        assertTrue(streams.ingestUrl().startsWith("rtmp://"));
        assertTrue(streams.obsSettings().contains("Custom"));
        streams.row(name);
        String id = streamNamed(name).getString("id");

        streams = StreamsPage.open(browser);
        assertFalse(browser.driver().getPageSource().contains(key), "the key is shown once only");

        String rotated = streams.rotateKey(name).shownKey();
        assertTrue(rotated.startsWith("hk_"));
        assertNotEquals(key, rotated);

        streams.delete(name);
        assertEquals(404, app.admin().get("/api/v1/streams/" + id).status());
        assertTrue(
                auditActions(id).containsAll(List.of("stream.create", "stream.rotate-key", "stream.delete")),
                "the console's changes are audited as the API's are");
    }

    @Test
    void aSecondConsoleSeesAPublisherStartAndStopPushedWithinOneSecond() {
        var created = SampleStreams.passthrough(app.admin(), "pushed");
        String id = created.id();
        String output = app.admin()
                .post(
                        created.path("outputs"),
                        Json.createObjectBuilder()
                                .add("name", "lan")
                                .add("url", "udp://127.0.0.1:" + org.headend.testing.FreePorts.next())
                                .build())
                .json()
                .getString("id");
        try (created;
                Browser watcher = new Browser(app.baseUrl())) {
            browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
            watcher.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
            var dashboard = DashboardPage.shown(watcher);
            watcher.script("window.notReloaded = true;");
            assertEquals("OFFLINE", dashboard.state(id));

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), created.key(), 320, 180, 15)) {
                dashboard.awaitState(id, "LIVE", Duration.ofSeconds(30));
                assertPushedWithinOneSecond(watcher);

                var page = StreamPage.open(browser, id);
                assertEquals("LIVE", page.state());
                page.awaitPreviewPlaying(Duration.ofSeconds(30));
                assertTrue(page.renditions().contains("source"));
                page.awaitThumbnailWidth(320, Duration.ofSeconds(30))
                        .awaitOutputState(output, "LIVE", Duration.ofSeconds(20));

                // A passthrough packager writes no warnings, yet its log says what runs.
                String log = page.log();
                assertTrue(log.contains("Headend: started"), log);
                assertFalse(
                        app.admin()
                                .get(created.path("log"))
                                .json()
                                .getJsonArray("lines")
                                .isEmpty(),
                        "the API's log of a live passthrough stream");
                // The copied source's video bitrate as nginx-rtmp measures it (every 10 s), pushed.
                page.awaitSourceBitrate(Duration.ofSeconds(30));
                var source = app.admin()
                        .get(created.path("status"))
                        .json()
                        .getJsonArray("renditions")
                        .getJsonObject(0);
                assertTrue(source.getInt("videoKbps") > 0, source.toString());

                // The packager killed: its row in the processes section moves to one restart and
                // a new pid, pushed; the output beside it runs on.
                var processes = page.processes()
                        .awaitRow("output", row -> row.contains("RUNNING"), Duration.ofSeconds(20))
                        .awaitRow("packager", row -> row.contains("RUNNING"), Duration.ofSeconds(20));
                long pid = app.admin().get(created.path("processes")).json().getJsonArray("items").stream()
                        .map(jakarta.json.JsonObject.class::cast)
                        .filter(p -> p.getString("role").equals("packager"))
                        .findFirst()
                        .orElseThrow()
                        .getJsonNumber("pid")
                        .longValue();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                processes
                        .awaitRestarts("packager", 1, Duration.ofSeconds(20))
                        .awaitRow(
                                "packager",
                                row -> row.contains("RUNNING") && !row.contains(Long.toString(pid)),
                                Duration.ofSeconds(30));
            }
            dashboard.awaitState(id, "OFFLINE", Duration.ofSeconds(15));
            assertPushedWithinOneSecond(watcher);
            assertEquals(Boolean.TRUE, watcher.script("return window.notReloaded === true;"), "no reload");
        }
    }

    private static void assertPushedWithinOneSecond(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Number> latencies =
                (List<Number>) browser.script("return headend.push.latencies.filter(function(l, i) { return true; });");
        assertFalse(latencies.isEmpty(), "push messages arrived");
        long worst = latencies.stream().mapToLong(Number::longValue).max().orElseThrow();
        assertTrue(worst <= 1000, "every pushed change reached the page within 1 s, worst " + worst + " ms");
    }

    @Test
    void anSrtStreamShowsWhereToSendAndItsRecordingAndExpiryCanBeEdited() {
        browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
        browser.waitFor(d -> browser.currentPath().equals("/"));
        String name = Names.unique("console-srt");
        var streams = StreamsPage.open(browser).createSrt(name, "console-srt-passphrase");
        String url = streams.ingestUrl();
        assertTrue(url.startsWith("srt://"), url);
        assertTrue(streams.senderSettings().contains("mpegts"));
        var stream = streamNamed(name);
        assertEquals("srt", stream.getJsonObject("input").getString("type"));
        assertTrue(stream.getJsonObject("input").getBoolean("encrypted"));
        assertEquals(url, stream.getString("ingestUrl"));
        String id = stream.getString("id");

        streams = StreamsPage.open(browser).edit(name).expires("next tuesday").confirm();
        assertTrue(streams.messages().contains("ISO-8601"));
        var unchanged = streamNamed(name);
        assertTrue(
                !unchanged.containsKey("expiresAt") || unchanged.isNull("expiresAt"), "a refused edit changes nothing");

        streams = StreamsPage.open(browser)
                .edit(name)
                .record("always")
                .expires("2031-01-31T12:00:00Z")
                .toggleRedundancy()
                .confirm();
        browser.waitFor(d -> "always".equals(streamNamed(name).getString("record")));
        assertTrue(streamNamed(name).getBoolean("redundancy"), "redundancy is set from the console");
        assertEquals("2031-01-31T12:00:00Z", streamNamed(name).getString("expiresAt"));
        assertTrue(streams.row(name).contains("expires"));
        assertTrue(streams.row(name).contains("redundant"));

        var page = StreamPage.open(browser, id);
        assertTrue(page.inputUrl().startsWith("srt://"));
        assertTrue(page.input().contains("LISTENING"));
        assertFalse(browser.driver().getPageSource().contains("console-srt-passphrase"));
        app.admin().delete("/api/v1/streams/" + id + "?force=true");
    }

    private jakarta.json.JsonObject streamNamed(String name) {
        return app.admin().get("/api/v1/streams?size=200").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<String> auditActions(String streamId) {
        return app.admin().get("/api/v1/audit?object=stream/" + streamId).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("action"))
                .toList();
    }
}
