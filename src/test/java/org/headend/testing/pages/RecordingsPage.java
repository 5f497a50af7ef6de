package org.headend.testing.pages;

import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The console's recordings page: a row per recording, its download link, delete. */
public final class RecordingsPage {

    private final Browser browser;

    private RecordingsPage(Browser browser) {
        this.browser = browser;
    }

    /** Goes there by the navigation, as a user does. */
    public static RecordingsPage navigate(Browser browser) {
        browser.click(By.id("nav-recordings"));
        return new RecordingsPage(browser);
    }

    private static String rowOf(String streamName) {
        return "//tr[td[contains(normalize-space(), '" + streamName + "')]]";
    }

    /** The text of the stream's recording row (waits for it). */
    public String row(String streamName) {
        return browser.text(By.xpath(rowOf(streamName)));
    }

    public String downloadLink(String streamName) {
        return browser.find(By.xpath(rowOf(streamName) + "//a[contains(@id,':download')]"))
                .getAttribute("href");
    }

    /** Deletes the recording, confirming, and waits for its row to go. */
    public RecordingsPage delete(String streamName) {
        browser.click(By.xpath(rowOf(streamName) + "//button[contains(@id,':delete')]"));
        browser.click(By.id("recordings:delete-confirm"));
        browser.waitFor(d -> d.findElements(By.xpath(rowOf(streamName))).isEmpty());
        return this;
    }
}
