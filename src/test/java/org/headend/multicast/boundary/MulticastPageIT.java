package org.headend.multicast.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.StreamPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        String group = "239.255." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        try (var stream = SampleStreams.passthrough(api, "mcast-page")) {
            var multicast = StreamPage.openLive(browser, stream.id()).multicast();
            multicast.add("lo", "10.1.2.3").awaitText("IPv4 multicast address", Browser.DEFAULT_WAIT);

            String url = multicast.add("lo", group).awaitReceiverUrl(group);
            assertTrue(url.matches("udp://@" + group.replace(".", "\\.") + ":\\d+"), url);
            String sdp = multicast.sdpLink();
            assertTrue(sdp.matches(".*/multicast/[0-9a-f-]{36}\\.sdp"), sdp);
            assertTrue(multicast.table().contains("WAITING"));
            // The links work for the signed-in session, which the API's twins (bearer only) would refuse.
            String file = fetch(browser, sdp);
            assertTrue(file.startsWith("200 application/sdp") && file.contains("c=IN IP4 " + group + "/"), file);
            String list = fetch(browser, multicast.channelListLink());
            assertTrue(list.startsWith("200 audio/x-mpegurl") && list.contains("\n" + url + "\n"), list);

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
                // No click from here on: the state reaches the page by push.
                multicast.awaitTable("LIVE", Duration.ofSeconds(40)).awaitPackets(Duration.ofSeconds(20));
            }
            // The stream went offline: the sender stops and waits, shown without a reload.
            multicast.awaitTable("WAITING", Duration.ofSeconds(20));
            multicast.removeFirst().awaitTable("No multicast senders.", Browser.DEFAULT_WAIT);
            assertEquals("[]", api.get(stream.path("multicast")).body().replace(" ", ""));
        }
    }

    /** Status, content type and body of a GET from the page, with the page's session. */
    private static String fetch(Browser browser, String url) {
        return (String) browser.script(
                "return fetch(arguments[0]).then(r => r.text().then(t => r.status + ' '"
                        + " + (r.headers.get('content-type') || '') + '\\n' + t));",
                url);
    }
}
