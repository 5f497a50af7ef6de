package org.headend.playback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.headend.testing.ApiUsers;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The watch page in headless Chromium: hls.js plays, the quality menu lists the renditions. */
@ExtendWith(SharedHeadend.class)
class WatchPageIT {

    private static final Duration PLAYING = Duration.ofSeconds(60);

    private HeadendProcess app;
    private Browser browser;

    @BeforeEach
    void open(HeadendProcess app) {
        this.app = app;
        browser = new Browser(app.baseUrl());
    }

    @AfterEach
    void close() {
        browser.screenshot("WatchPageIT-last");
        browser.close();
    }

    @Test
    void aViewerSignsInAndWatchesAProtectedStreamInTheQualityTheyChoose() {
        String ladder = Names.unique("watch");
        assertEquals(
                201,
                app.admin()
                        .post("/api/v1/ladders", SampleLadders.threeSmall(ladder))
                        .status());
        JsonObject stream = create(Names.unique("townhall"), ladder, false);
        String name = stream.getString("name");
        String viewer = Names.unique("viewer");
        ApiUsers.withRole(app, viewer, "viewer");

        browser.open("/watch/" + name);
        browser.waitFor(d -> browser.currentPath().startsWith("/login"));
        // On the page we were sent to, which knows where to send us back (Browser.signIn opens a fresh one).
        browser.type(By.id("signin:username"), viewer);
        browser.type(By.id("signin:password"), ApiUsers.PASSWORD);
        browser.click(By.id("signin:submit"));
        browser.waitFor(d -> browser.currentPath().equals("/watch/" + name));
        assertEquals("OFFLINE", browser.text(By.id("watch-state")));

        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 640, 360, 15)) {
            browser.waitFor(PLAYING, d -> browser.text(By.id("watch-state")).equals("LIVE"));
            assertPlays();
            List<String> qualities = new Select(browser.find(By.id("quality")))
                    .getOptions().stream().map(o -> o.getText()).toList();
            assertEquals(List.of("Auto", "360p", "270p", "180p"), sorted(qualities), qualities.toString());
            new Select(browser.find(By.id("quality"))).selectByVisibleText("180p");
            browser.waitFor(
                    PLAYING,
                    d -> ((Number) browser.script("var v = document.getElementById('player'); return v.videoHeight;"))
                                    .intValue()
                            == 180);
            assertPlays();
            assertTrue(((String) browser.script("return document.getElementById('player').getAttribute('data-src');"))
                    .contains("/hls/t/"));
        }
    }

    @Test
    void anyoneWatchesAPublicStreamWithoutSigningIn() {
        String ladder = Names.unique("watch");
        assertEquals(
                201,
                app.admin()
                        .post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 320, 180))
                        .status());
        JsonObject stream = create(Names.unique("open"), ladder, true);
        String name = stream.getString("name");
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            browser.open("/watch/" + name);
            assertEquals("/watch/" + name, browser.currentPath());
            browser.waitFor(PLAYING, d -> browser.text(By.id("watch-state")).equals("LIVE"));
            assertPlays();
            browser.waitFor(PLAYING, d -> browser.text(By.id("watch-viewers")).equals("1 viewer"));
        }
    }

    @Test
    void anUnknownStreamIsNotFound() {
        assertEquals(
                404,
                org.headend.testing.Api.fetch(app.baseUrl() + "/watch/no-such-stream")
                        .status());
        assertEquals(
                404,
                org.headend.testing.Api.fetch(app.baseUrl() + "/watch/Not%20Valid")
                        .status());
    }

    /** The video's clock advances: frames are being decoded, not only a poster shown. */
    private void assertPlays() {
        double first = browser.waitFor(PLAYING, d -> {
            double t = currentTime();
            return t > 0 ? t : null;
        });
        browser.waitFor(PLAYING, d -> currentTime() > first + 1);
    }

    private double currentTime() {
        return ((Number) browser.script("return document.getElementById('player').currentTime;")).doubleValue();
    }

    private static List<String> sorted(List<String> qualities) {
        return qualities.stream()
                .sorted((a, b) -> a.equals("Auto") ? -1 : b.equals("Auto") ? 1 : Integer.compare(height(b), height(a)))
                .toList();
    }

    private static int height(String label) {
        return Integer.parseInt(label.replace("p", ""));
    }

    private JsonObject create(String name, String ladder, boolean open) {
        var reply = app.admin()
                .post(
                        "/api/v1/streams",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("ladder", ladder)
                                .add("public", open)
                                .build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }
}
