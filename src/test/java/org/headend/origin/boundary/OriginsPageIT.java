package org.headend.origin.boundary;

import java.time.Duration;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsOrigin;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.StreamPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The origins section of the stream page in a real browser: add an origin, the manual override
 * and back to automatic, and a failover shown without reloading (pushed).
 */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class OriginsPageIT {

    private static final Duration FAILOVER = Duration.ofSeconds(20);

    @Test
    void anOperatorSeesHealthChoosesAnOriginAndSeesAFailoverLive(HeadendProcess app, Browser browser) {
        var api = app.admin();
        try (var stream = SampleStreams.passthrough(api, "origins-page");
                HlsOrigin primary = HlsOrigin.start("page-primary");
                HlsOrigin backup = HlsOrigin.start("page-backup")) {
            primary.awaitPlaylist(Duration.ofSeconds(30));
            backup.awaitPlaylist(Duration.ofSeconds(30));
            var origins = StreamPage.openLive(browser, stream.id()).origins();

            origins.add("primary", primary.url());
            api.post(stream.path("origins"), "{\"name\":\"backup\",\"url\":\"" + backup.url() + "\",\"priority\":20}");
            origins.auto().awaitRow("primary", OriginsPageIT::active, FAILOVER);

            origins.activate("backup").awaitRow("backup", text -> active(text) && text.contains("(chosen)"), FAILOVER);
            origins.auto().awaitRow("primary", OriginsPageIT::active, FAILOVER);

            // No click from here on: the failover reaches the page by push.
            primary.failWith500(true);
            origins.awaitRow("backup", OriginsPageIT::active, FAILOVER)
                    .awaitRow("primary", text -> text.contains("DOWN"), FAILOVER)
                    .awaitHistory("FAILOVER", FAILOVER);
        }
    }

    private static boolean active(String rowText) {
        return rowText.contains("ACTIVE");
    }
}
