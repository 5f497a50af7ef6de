package org.headend.multicast.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The multicast section of the stream page in a real browser: a refused group is shown at its
 * field, a sender on the loopback is added with its receiver URL and SDP link, goes LIVE without a
 * reload once a publisher starts, and is removed.
 */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class MulticastPageIT {

    @Test
    void anOperatorAddsASenderSeesItGoLiveAndRemovesIt(HeadendProcess app, Browser browser) {
        var api = app.admin();
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        "{\"name\":\"" + Names.unique("mcast-page") + "\",\"ladder\":\"passthrough\"}")
                .json();
        String group = "239.255." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        try {
            browser.open("/stream?id=" + stream.getString("id"));
            browser.awaitPushOpen();
            choose(browser, "multicast:new-interface_input", "lo");
            browser.type(By.id("multicast:new-group"), "10.1.2.3");
            browser.click(By.id("multicast:add"));
            browser.waitFor(d -> d.findElement(By.id("multicast")).getText().contains("IPv4 multicast address"));

            choose(browser, "multicast:new-interface_input", "lo");
            browser.type(By.id("multicast:new-group"), group);
            browser.click(By.id("multicast:add"));
            String url = browser.waitFor(d -> d.findElements(By.cssSelector("#multicast input.multicast-url")).stream()
                    .map(e -> e.getAttribute("value"))
                    .filter(v -> v.startsWith("udp://@" + group + ":"))
                    .findFirst()
                    .orElse(null));
            assertTrue(url.matches("udp://@" + group.replace(".", "\\.") + ":\\d+"), url);
            String sdp =
                    browser.find(By.cssSelector("#multicast a.multicast-sdp")).getAttribute("href");
            assertTrue(sdp.matches(".*/multicast/[0-9a-f-]{36}\\.sdp"), sdp);
            assertTrue(browser.text(By.id("multicast:table")).contains("WAITING"));
            // The links work for the signed-in session, which the API's twins (bearer only) would refuse.
            String file = fetch(browser, sdp);
            assertTrue(file.startsWith("200 application/sdp") && file.contains("c=IN IP4 " + group + "/"), file);
            String list = fetch(browser, browser.find(By.id("channel-list")).getAttribute("href"));
            assertTrue(list.startsWith("200 audio/x-mpegurl") && list.contains("\n" + url + "\n"), list);

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
                // No click from here on: the state reaches the page by push.
                browser.waitFor(
                        Duration.ofSeconds(40),
                        d -> d.findElement(By.id("multicast:table")).getText().contains("LIVE"));
                browser.waitFor(
                        Duration.ofSeconds(20), d -> !d.findElement(By.cssSelector("#multicast .multicast-packets"))
                                .getText()
                                .equals("0"));
            }
            // The stream went offline: the sender stops and waits, shown without a reload.
            browser.waitFor(
                    Duration.ofSeconds(20),
                    d -> d.findElement(By.id("multicast:table")).getText().contains("WAITING"));
            browser.click(By.xpath("//form[@id='multicast']//button[contains(@id,':remove')]"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitFor(
                    d -> d.findElement(By.id("multicast:table")).getText().contains("No multicast senders."));
            assertEquals(
                    "[]",
                    api.get("/api/v1/streams/" + stream.getString("id") + "/multicast")
                            .body()
                            .replace(" ", ""));
        } finally {
            api.delete("/api/v1/streams/" + stream.getString("id") + "?force=true");
        }
    }

    /** Status, content type and body of a GET from the page, with the page's session. */
    private static String fetch(Browser browser, String url) {
        return (String) browser.script(
                "return fetch(arguments[0]).then(r => r.text().then(t => r.status + ' '"
                        + " + (r.headers.get('content-type') || '') + '\\n' + t));",
                url);
    }

    private static void choose(Browser browser, String selectId, String value) {
        // PrimeFaces draws its own menu over a hidden <select>, which is what the form posts.
        browser.script("document.getElementById(arguments[0]).value = arguments[1];", selectId, value);
    }
}
