package org.headend.testing.pages;

import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The console's webhooks page: create one, ping it, its deliveries, delete it. */
public final class WebhooksPage {

    private final Browser browser;

    private WebhooksPage(Browser browser) {
        this.browser = browser;
    }

    /** Goes there by the navigation, as a user does. */
    public static WebhooksPage navigate(Browser browser) {
        browser.click(By.id("nav-webhooks"));
        browser.waitFor(d -> browser.currentPath().startsWith("/webhooks"));
        return new WebhooksPage(browser);
    }

    private static By row(String url) {
        return By.xpath("//tr[.//span[@class='url' and text()='" + url + "']]");
    }

    private static By rowButton(String url, String action) {
        return By.xpath(
                "//tr[.//span[@class='url' and text()='" + url + "']]//button[contains(@id,':" + action + "')]");
    }

    /** Submits a new webhook; refused or not, the page shows why. */
    public WebhooksPage create(String url, String secret) {
        browser.type(By.id("webhooks:new-url"), url);
        browser.type(By.id("webhooks:new-secret"), secret);
        browser.click(By.id("webhooks:create"));
        return this;
    }

    /** The first error message shown at a field (waits for one). */
    public String fieldError() {
        return browser.find(By.xpath("//*[contains(@class,'ui-message-error')]"))
                .getText();
    }

    /** Waits for the webhook's row. */
    public WebhooksPage awaitRow(String url) {
        browser.find(row(url));
        return this;
    }

    public WebhooksPage ping(String url) {
        browser.click(rowButton(url, "ping"));
        return this;
    }

    /** Reloads the deliveries and waits for them to show {@code text}. */
    public WebhooksPage refreshUntilDeliveries(String text) {
        browser.click(By.id("webhooks:refresh"));
        browser.waitFor(
                d -> d.findElement(By.id("webhooks:delivery-table")).getText().contains(text));
        return this;
    }

    /** Deletes the webhook, confirming, and waits for its row to go. */
    public WebhooksPage delete(String url) {
        browser.click(rowButton(url, "delete"));
        browser.click(By.id("webhooks:delete-confirm"));
        browser.waitFor(d -> d.findElements(row(url)).isEmpty());
        return this;
    }
}
