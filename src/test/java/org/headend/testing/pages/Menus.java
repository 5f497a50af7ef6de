package org.headend.testing.pages;

import org.headend.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** PrimeFaces select menus, shared by the pages. */
final class Menus {

    private Menus() {}

    /** Picks a value of a select menu the way its form submits it (PrimeFaces keeps a native select). */
    static void choose(Browser browser, String menu, String value) {
        var element = browser.find(By.id(menu));
        if (browser.driver().findElements(By.id(menu + "_input")).isEmpty()) {
            new Select(element).selectByValue(value);
        } else {
            browser.script("document.getElementById(arguments[0]).value = arguments[1];", menu + "_input", value);
        }
    }
}
