package org.headend.testing.pages;

import org.headend.testing.Browser;
import org.openqa.selenium.By;

/**
 * The console's streams list (/streams) as steps: create, edit, rotate a key, delete, and what the
 * page shows. It knows the page's ids and xpaths; the tests keep the assertions.
 */
public final class StreamsPage {

    private final Browser browser;

    private StreamsPage(Browser browser) {
        this.browser = browser;
    }

    public static StreamsPage open(Browser browser) {
        browser.open("/streams");
        return new StreamsPage(browser);
    }

    /** Creates an RTMP stream; the page then shows its key once. */
    public StreamsPage create(String name) {
        browser.type(By.id("streams:new-name"), name);
        browser.click(By.id("streams:create"));
        return this;
    }

    /** Creates a stream with an SRT listener as its input, encrypted with {@code passphrase}. */
    public StreamsPage createSrt(String name, String passphrase) {
        browser.type(By.id("streams:new-name"), name);
        Menus.choose(browser, "streams:new-input", "srt");
        browser.type(By.id("streams:new-passphrase"), passphrase);
        browser.click(By.id("streams:create"));
        return this;
    }

    /** The key shown after creating or rotating (waits for it to be shown). */
    public String shownKey() {
        return browser.find(By.id("stream-key")).getAttribute("value");
    }

    public String ingestUrl() {
        return browser.find(By.id("ingest-url")).getAttribute("value");
    }

    public String obsSettings() {
        return browser.text(By.id("obs-settings"));
    }

    public String senderSettings() {
        return browser.text(By.id("sender-settings"));
    }

    public String messages() {
        return browser.text(By.id("streams:messages"));
    }

    /** The xpath of the stream's row, for tests that need the element itself. */
    public static String rowOf(String name) {
        return "//tr[.//a[text()='" + name + "']]";
    }

    /** The row's text, once the row is there. */
    public String row(String name) {
        return browser.text(By.xpath(rowOf(name)));
    }

    public StreamsPage rotateKey(String name) {
        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':rotate')]"));
        browser.click(By.id("streams:rotate-confirm"));
        return this;
    }

    /** Deletes the stream and waits for its row to go. */
    public StreamsPage delete(String name) {
        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':delete')]"));
        browser.click(By.id("streams:delete-confirm"));
        browser.waitFor(d -> d.findElements(By.xpath(rowOf(name))).isEmpty());
        return this;
    }

    /** Opens the stream's edit dialog. */
    public EditDialog edit(String name) {
        browser.click(By.xpath(rowOf(name) + "//button[contains(@id,':edit')]"));
        browser.find(By.id("streams:edit-expires"));
        return new EditDialog();
    }

    /** The edit dialog: set what the test changes, then {@link #confirm()}. */
    public final class EditDialog {

        private EditDialog() {}

        public EditDialog expires(String text) {
            browser.type(By.id("streams:edit-expires"), text);
            return this;
        }

        public EditDialog record(String when) {
            Menus.choose(browser, "streams:edit-record", when);
            return this;
        }

        public EditDialog toggleRedundancy() {
            browser.click(By.cssSelector("#streams\\:edit-redundancy .ui-chkbox-box"));
            return this;
        }

        public StreamsPage confirm() {
            browser.click(By.id("streams:edit-confirm"));
            return StreamsPage.this;
        }
    }
}
