package org.headend.testing.pages;

import java.time.Duration;
import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The console's page of one stream (/stream?id=...): state, preview, renditions, outputs, log. */
public final class StreamPage {

    private final Browser browser;

    private StreamPage(Browser browser) {
        this.browser = browser;
    }

    public static StreamPage open(Browser browser, String id) {
        browser.open("/stream?id=" + id);
        return new StreamPage(browser);
    }

    /** The page, opened, once its push channel is open: what follows may arrive without a reload. */
    public static StreamPage openLive(Browser browser, String id) {
        StreamPage page = open(browser, id);
        browser.awaitPushOpen();
        return page;
    }

    public OriginsSection origins() {
        return new OriginsSection(browser);
    }

    public ProcessesSection processes() {
        return new ProcessesSection(browser);
    }

    public MulticastSection multicast() {
        return new MulticastSection(browser);
    }

    public String state() {
        return browser.text(By.id("stream-state"));
    }

    public String renditions() {
        return browser.text(By.id("stream:renditions"));
    }

    public String log() {
        return browser.text(By.id("stream:log"));
    }

    public String inputUrl() {
        return browser.text(By.id("input-url"));
    }

    public String input() {
        return browser.text(By.id("stream:input"));
    }

    /** Waits for the preview player to play. */
    public StreamPage awaitPreviewPlaying(Duration deadline) {
        browser.waitFor(
                deadline,
                d -> ((Number) browser.script("return document.getElementById('preview').currentTime;")).doubleValue()
                        > 0);
        return this;
    }

    /** Waits for a thumbnail of the given width to be shown. */
    public StreamPage awaitThumbnailWidth(int width, Duration deadline) {
        browser.waitFor(
                deadline,
                d -> ((Number)
                                        browser.script(
                                                "var t = document.getElementById('thumbnail'); return t.hidden ? 0 : t.naturalWidth;"))
                                .intValue()
                        == width);
        return this;
    }

    /** Waits for the output's state, as pushed to the page, to read {@code state}. */
    public StreamPage awaitOutputState(String outputId, String state, Duration deadline) {
        String xpath = "//span[@data-output-state='" + outputId + "']";
        browser.waitFor(deadline, d -> d.findElement(By.xpath(xpath)).getText().equals(state));
        return this;
    }

    /** Waits for nginx-rtmp's measure of the source's video bitrate (every 10 s) to be pushed. */
    public StreamPage awaitSourceBitrate(Duration deadline) {
        browser.waitFor(
                deadline,
                d -> Integer.parseInt(d.findElement(By.cssSelector(".source-kbps"))
                                .getText()
                                .trim())
                        > 0);
        return this;
    }
}
