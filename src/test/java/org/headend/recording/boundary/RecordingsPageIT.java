package org.headend.recording.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.Recordings;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.RecordingsPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's recordings page in a real browser: the list, the session's download, delete. */
@ExtendWith(SharedHeadend.class)
class RecordingsPageIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    void anAdminSeesDownloadsAndDeletesARecording() throws Exception {
        var recordings = Recordings.asAdmin(app);
        JsonObject stream = recordings.stream(Names.unique("page"), "off");
        String name = stream.getString("name");
        String id;
        try (var publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            recordings.awaitStreamState(stream, "LIVE");
            id = recordings
                    .api()
                    .post("/api/v1/streams/" + stream.getString("id") + "/recordings", "")
                    .json()
                    .getString("id");
            recordings.awaitSize(id, 50_000);
            assertEquals(
                    200,
                    recordings
                            .api()
                            .post("/api/v1/recordings/" + id + "/stop", "")
                            .status());
        }
        recordings.awaitRecording(id, "READY", Duration.ofSeconds(60));

        browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
        browser.waitFor(d -> browser.currentPath().equals("/"));
        var page = RecordingsPage.navigate(browser);
        assertTrue(page.row(name).contains("READY"));
        String href = page.downloadLink(name);
        assertTrue(href.endsWith("/recording/" + id + "/file"), href);

        String session =
                browser.driver().manage().getCookieNamed("HEADEND_SESSION").getValue();
        var part = HTTP.send(
                HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", "HEADEND_SESSION=" + session)
                        .header("Range", "bytes=0-99")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals(100, part.body().length);
        assertEquals("video/mp4", part.headers().firstValue("Content-Type").orElse(""));
        var anonymous =
                HTTP.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, anonymous.statusCode(), "no session, no file: off to sign in");

        page.delete(name);
        assertEquals(404, recordings.api().get("/api/v1/recordings/" + id).status());
    }
}
