package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Themes, narrow screens and the keyboard, in a real browser. */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class ConsoleLookIT {

    @Test
    void theDarkThemeIsRememberedAcrossPages(Browser browser) {
        assertTrue(bodyClass(browser).contains("theme-light"));
        browser.click(By.id("theme-toggle"));
        assertTrue(bodyClass(browser).contains("theme-dark"));
        browser.open("/streams");
        assertTrue(bodyClass(browser).contains("theme-dark"), "remembered");
        assertTrue(browser.driver().getPageSource().contains("primefaces-arya-blue"), "PrimeFaces' dark theme");
        browser.click(By.id("theme-toggle"));
        browser.open("/");
        assertTrue(bodyClass(browser).contains("theme-light"));
    }

    @Test
    void everyPageFitsAPhoneScreenWithoutSidewaysScrolling(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/", "/streams", "/ladders", "/users", "/audit")) {
            browser.open(page);
            Number overflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 1, page + " overflows by " + overflow + " px");
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkThenTheNavigation(Browser browser) {
        browser.open("/streams");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertEquals("skip-link", browser.script("return document.activeElement.className;"));
        new Actions(browser.driver()).sendKeys(Keys.TAB, Keys.TAB).perform();
        assertEquals("nav-dashboard", browser.script("return document.activeElement.id;"));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> browser.currentPath().equals("/"));
    }

    private static String bodyClass(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getAttribute("class");
    }
}
