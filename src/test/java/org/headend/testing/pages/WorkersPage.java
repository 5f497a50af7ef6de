package org.headend.testing.pages;

import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The console's workers page: the workers, Headend's public key, the register form. */
public final class WorkersPage {

    private final Browser browser;

    private WorkersPage(Browser browser) {
        this.browser = browser;
    }

    /** Goes there by the navigation, as a user does. */
    public static WorkersPage navigate(Browser browser) {
        browser.click(By.id("nav-workers"));
        browser.waitFor(d -> browser.currentPath().startsWith("/workers"));
        return new WorkersPage(browser);
    }

    private static By row(String name) {
        return By.xpath("//tr[.//span[@class='worker-name' and text()='" + name + "']]");
    }

    /** Waits for the worker's row and answers its text. */
    public String awaitRow(String name) {
        return browser.text(row(name));
    }

    /** The public key as the copyable field holds it. */
    public String publicKey() {
        return browser.find(By.id("public-key")).getAttribute("value");
    }

    /** Submits the register form; refused or not, the page shows why. */
    public WorkersPage register(String name, String host, String user, String hostKey) {
        browser.type(By.id("workers:new-name"), name);
        browser.type(By.id("workers:new-host"), host);
        browser.type(By.id("workers:new-user"), user);
        browser.type(By.id("workers:new-hostKey"), hostKey);
        browser.click(By.id("workers:create"));
        return this;
    }

    /** The first error message shown at a field (waits for one). */
    public String fieldError() {
        return browser.text(By.xpath("//*[contains(@class,'ui-message-error')]"));
    }
}
