package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Themes, narrow screens and the keyboard, in a real browser. */
@ExtendWith(SharedHeadend.class)
class ConsoleLookIT {

    private Browser browser;

    @BeforeEach
    void signIn(HeadendProcess app) {
        browser = new Browser(app.baseUrl());
        browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
        browser.waitFor(d -> browser.currentPath().equals("/"));
    }

    @AfterEach
    void close(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void theDarkThemeIsRememberedAcrossPages() {
        assertTrue(bodyClass().contains("theme-light"));
        browser.click(By.id("theme-toggle"));
        assertTrue(bodyClass().contains("theme-dark"));
        browser.open("/streams");
        assertTrue(bodyClass().contains("theme-dark"), "remembered");
        assertTrue(browser.driver().getPageSource().contains("primefaces-arya-blue"), "PrimeFaces' dark theme");
        browser.click(By.id("theme-toggle"));
        browser.open("/");
        assertTrue(bodyClass().contains("theme-light"));
    }

    @Test
    void everyPageFitsAPhoneScreenWithoutSidewaysScrolling() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/", "/streams", "/ladders", "/users", "/audit")) {
            browser.open(page);
            Number overflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 1, page + " overflows by " + overflow + " px");
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkThenTheNavigation() {
        browser.open("/streams");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertEquals("skip-link", browser.script("return document.activeElement.className;"));
        new Actions(browser.driver()).sendKeys(Keys.TAB, Keys.TAB).perform();
        assertEquals("nav-dashboard", browser.script("return document.activeElement.id;"));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> browser.currentPath().equals("/"));
    }

    private String bodyClass() {
        return browser.driver().findElement(By.tagName("body")).getAttribute("class");
    }
}
