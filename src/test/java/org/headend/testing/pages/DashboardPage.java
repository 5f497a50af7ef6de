package org.headend.testing.pages;

import java.time.Duration;
import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The console's dashboard (/): a row per stream whose state the server pushes. */
public final class DashboardPage {

    private final Browser browser;

    private DashboardPage(Browser browser) {
        this.browser = browser;
    }

    /** The dashboard the browser is on (where signing in leads), once its push channel is open. */
    public static DashboardPage shown(Browser browser) {
        browser.waitFor(d -> browser.currentPath().equals("/"));
        browser.awaitPushOpen();
        return new DashboardPage(browser);
    }

    private static By stateOf(String streamId) {
        return By.xpath("//tr[@data-stream-id='" + streamId + "']//span[contains(@class,'state')]");
    }

    public String state(String streamId) {
        return browser.text(stateOf(streamId));
    }

    /** Waits for the stream's row to show {@code state}, without reloading the page. */
    public DashboardPage awaitState(String streamId, String state, Duration deadline) {
        browser.waitFor(
                deadline, d -> d.findElement(stateOf(streamId)).getText().equals(state));
        return this;
    }
}
