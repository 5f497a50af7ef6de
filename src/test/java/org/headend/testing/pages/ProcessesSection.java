package org.headend.testing.pages;

import java.time.Duration;
import java.util.function.Predicate;
import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The processes section of a stream's page: one row per process of the stream's work. */
public final class ProcessesSection {

    private final Browser browser;

    ProcessesSection(Browser browser) {
        this.browser = browser;
    }

    private static By row(String role) {
        return By.xpath("//form[@id='processes']//tr[.//span[@class='process-role' and text()='" + role + "']]");
    }

    /** Waits, without a click, for the process in {@code role} to show {@code restarts} restarts. */
    public ProcessesSection awaitRestarts(String role, int restarts, Duration deadline) {
        By cell = By.xpath("//form[@id='processes']//tr[.//span[@class='process-role' and text()='" + role
                + "']]//span[@class='process-restarts']");
        browser.waitFor(deadline, d -> d.findElement(cell).getText().equals(Integer.toString(restarts)));
        return this;
    }

    /** Waits, without a click, for the row of the process in {@code role} to satisfy {@code condition}. */
    public ProcessesSection awaitRow(String role, Predicate<String> condition, Duration deadline) {
        browser.waitFor(deadline, d -> condition.test(d.findElement(row(role)).getText()));
        return this;
    }
}
