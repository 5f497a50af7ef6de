package org.headend.playback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.headend.testing.ApiUsers;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.WatchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        var stream = SampleStreams.on(app.admin())
                .unique("townhall")
                .ladder(ladder)
                .open(false)
                .create();
        String name = stream.name();
        String viewer = Names.unique("viewer");
        ApiUsers.withRole(app, viewer, "viewer");

        WatchPage.open(browser, name);
        browser.waitFor(d -> browser.currentPath().startsWith("/login"));
        // On the page we were sent to, which knows where to send us back (Browser.signIn opens a fresh one).
        WatchPage.signInHere(browser, viewer, ApiUsers.PASSWORD);
        browser.waitFor(d -> browser.currentPath().equals("/watch/" + name));
        var watch = WatchPage.current(browser);
        assertEquals("OFFLINE", watch.state());

        try (stream;
                var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 640, 360, 15)) {
            watch.awaitState("LIVE", PLAYING);
            assertPlays(watch);
            List<String> qualities = watch.qualities();
            assertEquals(List.of("Auto", "360p", "270p", "180p"), sorted(qualities), qualities.toString());
            watch.chooseQuality("180p").awaitVideoHeight(180, PLAYING);
            assertPlays(watch);
            assertTrue(watch.source().contains("/hls/t/"));
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
        try (var stream = SampleStreams.on(app.admin())
                        .unique("open")
                        .ladder(ladder)
                        .open(true)
                        .create();
                var publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            var watch = WatchPage.open(browser, stream.name());
            assertEquals("/watch/" + stream.name(), browser.currentPath());
            watch.awaitState("LIVE", PLAYING);
            assertPlays(watch);
            watch.awaitViewers("1 viewer", PLAYING);
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
    private void assertPlays(WatchPage watch) {
        double first = browser.waitFor(PLAYING, d -> {
            double t = watch.currentTime();
            return t > 0 ? t : null;
        });
        browser.waitFor(PLAYING, d -> watch.currentTime() > first + 1);
    }

    private static List<String> sorted(List<String> qualities) {
        return qualities.stream()
                .sorted((a, b) -> a.equals("Auto") ? -1 : b.equals("Auto") ? 1 : Integer.compare(height(b), height(a)))
                .toList();
    }

    private static int height(String label) {
        return Integer.parseInt(label.replace("p", ""));
    }
}
