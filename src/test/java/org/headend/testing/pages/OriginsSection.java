package org.headend.testing.pages;

import java.time.Duration;
import java.util.function.Predicate;
import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The origins section of a stream's page: add, choose one by hand or go automatic, and the rows. */
public final class OriginsSection {

    private final Browser browser;

    OriginsSection(Browser browser) {
        this.browser = browser;
    }

    private static By row(String name) {
        return By.xpath("//form[@id='origins']//tr[.//span[@class='origin-name' and text()='" + name + "']]");
    }

    /** Adds an origin and waits for its row. */
    public OriginsSection add(String name, String url) {
        browser.type(By.id("origins:new-name"), name);
        browser.type(By.id("origins:new-url"), url);
        browser.click(By.id("origins:add"));
        browser.find(row(name));
        return this;
    }

    /** Back to the automatic choice. */
    public OriginsSection auto() {
        browser.click(By.id("origins:auto"));
        return this;
    }

    /** The manual override: this origin, whatever its health. */
    public OriginsSection activate(String name) {
        browser.click(By.xpath("//form[@id='origins']//tr[.//span[@class='origin-name' and text()='" + name
                + "']]//button[contains(@id,':activate')]"));
        return this;
    }

    public String rowText(String name) {
        return browser.text(row(name));
    }

    /** Waits, without a click, for the origin's row text to satisfy {@code condition}. */
    public OriginsSection awaitRow(String name, Predicate<String> condition, Duration deadline) {
        browser.waitFor(deadline, d -> condition.test(d.findElement(row(name)).getText()));
        return this;
    }

    /** Waits for the switch history to mention {@code text}. */
    public OriginsSection awaitHistory(String text, Duration deadline) {
        browser.waitFor(
                deadline, d -> d.findElement(By.id("origins:history")).getText().contains(text));
        return this;
    }
}
