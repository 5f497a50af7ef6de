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
import org.headend.testing.SharedHeadend;
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
        browser.open("/streams");
        browser.type(By.id("streams:new-name"), name);
        browser.click(By.id("streams:create"));
        String key = browser.find(By.id("stream-key")).getAttribute("value");
        assertTrue(key.startsWith("hk_"), key);
        assertTrue(browser.find(By.id("ingest-url")).getAttribute("value").startsWith("rtmp://"));
        assertTrue(browser.text(By.id("obs-settings")).contains("Custom"));
        browser.find(By.xpath(rowOf(name)));
        String id = app.admin().get("/api/v1/streams?size=200").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElseThrow()
                .getString("id");

        browser.open("/streams");
        assertFalse(browser.driver().getPageSource().contains(key), "the key is shown once only");

        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':rotate')]"));
        browser.click(By.id("streams:rotate-confirm"));
        String rotated = browser.find(By.id("stream-key")).getAttribute("value");
        assertTrue(rotated.startsWith("hk_"));
        assertNotEquals(key, rotated);

        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':delete')]"));
        browser.click(By.id("streams:delete-confirm"));
        browser.waitFor(d -> d.findElements(By.xpath(rowOf(name))).isEmpty());
        assertEquals(404, app.admin().get("/api/v1/streams/" + id).status());
        assertTrue(
                auditActions(id).containsAll(List.of("stream.create", "stream.rotate-key", "stream.delete")),
                "the console's changes are audited as the API's are");
    }

    @Test
    void aSecondConsoleSeesAPublisherStartAndStopPushedWithinOneSecond() {
        String name = Names.unique("pushed");
        var created = app.admin()
                .post(
                        "/api/v1/streams",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("ladder", "passthrough")
                                .build())
                .json();
        String id = created.getString("id");
        String output = app.admin()
                .post(
                        "/api/v1/streams/" + id + "/outputs",
                        Json.createObjectBuilder()
                                .add("name", "lan")
                                .add("url", "udp://127.0.0.1:" + org.headend.testing.FreePorts.next())
                                .build())
                .json()
                .getString("id");
        try (Browser watcher = new Browser(app.baseUrl())) {
            browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
            watcher.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
            watcher.waitFor(d -> watcher.currentPath().equals("/"));
            watcher.awaitPushOpen();
            watcher.script("window.notReloaded = true;");
            String state = "//tr[@data-stream-id='" + id + "']//span[contains(@class,'state')]";
            assertEquals("OFFLINE", watcher.text(By.xpath(state)));

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), created.getString("streamKey"), 320, 180, 15)) {
                watcher.waitFor(
                        Duration.ofSeconds(30),
                        d -> d.findElement(By.xpath(state)).getText().equals("LIVE"));
                assertPushedWithinOneSecond(watcher);

                browser.open("/stream?id=" + id);
                assertEquals("LIVE", browser.text(By.id("stream-state")));
                browser.waitFor(
                        Duration.ofSeconds(30),
                        d -> ((Number) browser.script("return document.getElementById('preview').currentTime;"))
                                        .doubleValue()
                                > 0);
                assertTrue(browser.text(By.id("stream:renditions")).contains("source"));
                browser.waitFor(
                        Duration.ofSeconds(30),
                        d -> ((Number)
                                                browser.script(
                                                        "var t = document.getElementById('thumbnail'); return t.hidden ? 0 : t.naturalWidth;"))
                                        .intValue()
                                == 320);
                String outputState = "//span[@data-output-state='" + output + "']";
                browser.waitFor(
                        Duration.ofSeconds(20),
                        d -> d.findElement(By.xpath(outputState)).getText().equals("LIVE"));

                // A passthrough packager writes no warnings, yet its log says what runs.
                String log = browser.text(By.id("stream:log"));
                assertTrue(log.contains("Headend: started"), log);
                assertFalse(
                        app.admin()
                                .get("/api/v1/streams/" + id + "/log")
                                .json()
                                .getJsonArray("lines")
                                .isEmpty(),
                        "the API's log of a live passthrough stream");
                // The copied source's video bitrate as nginx-rtmp measures it (every 10 s), pushed.
                browser.waitFor(
                        Duration.ofSeconds(30),
                        d -> Integer.parseInt(d.findElement(By.cssSelector(".source-kbps"))
                                        .getText()
                                        .trim())
                                > 0);
                var source = app.admin()
                        .get("/api/v1/streams/" + id + "/status")
                        .json()
                        .getJsonArray("renditions")
                        .getJsonObject(0);
                assertTrue(source.getInt("videoKbps") > 0, source.toString());
            }
            watcher.waitFor(
                    Duration.ofSeconds(15),
                    d -> d.findElement(By.xpath(state)).getText().equals("OFFLINE"));
            assertPushedWithinOneSecond(watcher);
            assertEquals(Boolean.TRUE, watcher.script("return window.notReloaded === true;"), "no reload");
        } finally {
            app.admin().delete("/api/v1/streams/" + id + "?force=true");
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
        browser.open("/streams");
        browser.type(By.id("streams:new-name"), name);
        choose("streams:new-input", "srt");
        browser.type(By.id("streams:new-passphrase"), "console-srt-passphrase");
        browser.click(By.id("streams:create"));
        String url = browser.find(By.id("ingest-url")).getAttribute("value");
        assertTrue(url.startsWith("srt://"), url);
        assertTrue(browser.text(By.id("sender-settings")).contains("mpegts"));
        var stream = streamNamed(name);
        assertEquals("srt", stream.getJsonObject("input").getString("type"));
        assertTrue(stream.getJsonObject("input").getBoolean("encrypted"));
        assertEquals(url, stream.getString("ingestUrl"));
        String id = stream.getString("id");

        browser.open("/streams");
        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':edit')]"));
        browser.find(By.id("streams:edit-expires"));
        browser.type(By.id("streams:edit-expires"), "next tuesday");
        browser.click(By.id("streams:edit-confirm"));
        assertTrue(browser.text(By.id("streams:messages")).contains("ISO-8601"));
        var unchanged = streamNamed(name);
        assertTrue(
                !unchanged.containsKey("expiresAt") || unchanged.isNull("expiresAt"), "a refused edit changes nothing");

        browser.open("/streams");
        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':edit')]"));
        browser.find(By.id("streams:edit-expires"));
        choose("streams:edit-record", "always");
        browser.type(By.id("streams:edit-expires"), "2031-01-31T12:00:00Z");
        browser.click(By.cssSelector("#streams\\:edit-redundancy .ui-chkbox-box"));
        browser.click(By.id("streams:edit-confirm"));
        browser.waitFor(d -> "always".equals(streamNamed(name).getString("record")));
        assertTrue(streamNamed(name).getBoolean("redundancy"), "redundancy is set from the console");
        assertEquals("2031-01-31T12:00:00Z", streamNamed(name).getString("expiresAt"));
        assertTrue(browser.text(By.xpath(rowOf(name))).contains("expires"));
        assertTrue(browser.text(By.xpath(rowOf(name))).contains("redundant"));

        browser.open("/stream?id=" + id);
        assertTrue(browser.text(By.id("input-url")).startsWith("srt://"));
        assertTrue(browser.text(By.id("stream:input")).contains("LISTENING"));
        assertFalse(browser.driver().getPageSource().contains("console-srt-passphrase"));
        app.admin().delete("/api/v1/streams/" + id);
    }

    /** Picks a value of a select menu the way its form submits it (PrimeFaces keeps a native select). */
    private void choose(String menu, String value) {
        var element = browser.find(By.id(menu));
        if (browser.driver().findElements(By.id(menu + "_input")).isEmpty()) {
            new org.openqa.selenium.support.ui.Select(element).selectByValue(value);
        } else {
            browser.script("document.getElementById(arguments[0]).value = arguments[1];", menu + "_input", value);
        }
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

    private static String rowOf(String name) {
        return "//tr[.//a[text()='" + name + "']]";
    }
}
