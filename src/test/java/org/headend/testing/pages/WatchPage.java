package org.headend.testing.pages;

import java.time.Duration;
import java.util.List;
import org.headend.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The viewers' page of a stream (/watch/name): its state, the player and the quality menu. */
public final class WatchPage {

    private final Browser browser;

    private WatchPage(Browser browser) {
        this.browser = browser;
    }

    public static WatchPage open(Browser browser, String streamName) {
        browser.open("/watch/" + streamName);
        return new WatchPage(browser);
    }

    /** The page the browser is on now (after a sign-in sent it back here). */
    public static WatchPage current(Browser browser) {
        return new WatchPage(browser);
    }

    /** Signs in on the sign-in page the watch page sent us to, which knows where to send us back. */
    public static void signInHere(Browser browser, String username, String password) {
        browser.type(By.id("signin:username"), username);
        browser.type(By.id("signin:password"), password);
        browser.click(By.id("signin:submit"));
    }

    public String state() {
        return browser.text(By.id("watch-state"));
    }

    public WatchPage awaitState(String state, Duration deadline) {
        browser.waitFor(deadline, d -> state().equals(state));
        return this;
    }

    public WatchPage awaitViewers(String shown, Duration deadline) {
        browser.waitFor(deadline, d -> browser.text(By.id("watch-viewers")).equals(shown));
        return this;
    }

    /** The quality menu's entries as shown. */
    public List<String> qualities() {
        return new Select(browser.find(By.id("quality")))
                .getOptions().stream().map(o -> o.getText()).toList();
    }

    public WatchPage chooseQuality(String shown) {
        new Select(browser.find(By.id("quality"))).selectByVisibleText(shown);
        return this;
    }

    public int videoHeight() {
        return ((Number) browser.script("return document.getElementById('player').videoHeight;")).intValue();
    }

    public WatchPage awaitVideoHeight(int height, Duration deadline) {
        browser.waitFor(deadline, d -> videoHeight() == height);
        return this;
    }

    /** The player's clock, in seconds. */
    public double currentTime() {
        return ((Number) browser.script("return document.getElementById('player').currentTime;")).doubleValue();
    }

    /** Where the player loads its playlist from. */
    public String source() {
        return (String) browser.script("return document.getElementById('player').getAttribute('data-src');");
    }
}
