package org.headend.origin.boundary;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsOrigin;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

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
        JsonObject stream = api.post(
                        "/api/v1/streams",
                        "{\"name\":\"" + Names.unique("origins-page") + "\",\"ladder\":\"passthrough\"}")
                .json();
        try (HlsOrigin primary = HlsOrigin.start("page-primary");
                HlsOrigin backup = HlsOrigin.start("page-backup")) {
            primary.awaitPlaylist(Duration.ofSeconds(30));
            backup.awaitPlaylist(Duration.ofSeconds(30));
            browser.open("/stream?id=" + stream.getString("id"));
            browser.awaitPushOpen();

            browser.type(By.id("origins:new-name"), "primary");
            browser.type(By.id("origins:new-url"), primary.url());
            browser.click(By.id("origins:add"));
            String primaryRow = row("primary");
            browser.find(By.xpath(primaryRow));
            api.post(
                    "/api/v1/streams/" + stream.getString("id") + "/origins",
                    "{\"name\":\"backup\",\"url\":\"" + backup.url() + "\",\"priority\":20}");
            browser.click(By.id("origins:auto"));
            browser.waitFor(
                    FAILOVER, d -> active(d.findElement(By.xpath(primaryRow)).getText()));

            String backupRow = row("backup");
            browser.click(By.xpath(backupRow + "//button[contains(@id,':activate')]"));
            browser.waitFor(FAILOVER, d -> {
                String text = d.findElement(By.xpath(backupRow)).getText();
                return active(text) && text.contains("(chosen)");
            });
            browser.click(By.id("origins:auto"));
            browser.waitFor(
                    FAILOVER, d -> active(d.findElement(By.xpath(primaryRow)).getText()));

            // No click from here on: the failover reaches the page by push.
            primary.failWith500(true);
            browser.waitFor(
                    FAILOVER,
                    d -> active(d.findElement(By.xpath(backupRow)).getText())
                            && d.findElement(By.xpath(primaryRow)).getText().contains("DOWN"));
            browser.waitFor(
                    FAILOVER,
                    d -> d.findElement(By.id("origins:history")).getText().contains("FAILOVER"));
        } finally {
            api.delete("/api/v1/streams/" + stream.getString("id"));
        }
    }

    private static String row(String name) {
        return "//form[@id='origins']//tr[.//span[@class='origin-name' and text()='" + name + "']]";
    }

    private static boolean active(String rowText) {
        return rowText.contains("ACTIVE");
    }
}
