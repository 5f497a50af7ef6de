package org.headend.testing.pages;

import java.time.Duration;
import org.headend.testing.Browser;
import org.openqa.selenium.By;

/** The multicast section of a stream's page: add a sender, its links and table, remove it. */
public final class MulticastSection {

    private final Browser browser;

    MulticastSection(Browser browser) {
        this.browser = browser;
    }

    /** Submits a new sender on {@code nic} to {@code group}; refused or not, the section shows why. */
    public MulticastSection add(String nic, String group) {
        // PrimeFaces draws its own menu over a hidden <select>, which is what the form posts.
        browser.script(
                "document.getElementById(arguments[0]).value = arguments[1];", "multicast:new-interface_input", nic);
        browser.type(By.id("multicast:new-group"), group);
        browser.click(By.id("multicast:add"));
        return this;
    }

    /** The whole section's text (messages at the fields included). */
    public String text() {
        return browser.text(By.id("multicast"));
    }

    public String table() {
        return browser.text(By.id("multicast:table"));
    }

    /** Waits for a receiver URL (udp://@group:port) of the group to be shown; answers it. */
    public String awaitReceiverUrl(String group) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#multicast input.multicast-url")).stream()
                .map(e -> e.getAttribute("value"))
                .filter(v -> v.startsWith("udp://@" + group + ":"))
                .findFirst()
                .orElse(null));
    }

    public String sdpLink() {
        return browser.find(By.cssSelector("#multicast a.multicast-sdp")).getAttribute("href");
    }

    public String channelListLink() {
        return browser.find(By.id("channel-list")).getAttribute("href");
    }

    public String packets() {
        return browser.text(By.cssSelector("#multicast .multicast-packets"));
    }

    /** Waits for the section's text to contain {@code text}. */
    public MulticastSection awaitText(String text, Duration deadline) {
        browser.waitFor(
                deadline, d -> d.findElement(By.id("multicast")).getText().contains(text));
        return this;
    }

    /** Waits for the senders table to contain {@code text} (a state, pushed). */
    public MulticastSection awaitTable(String text, Duration deadline) {
        browser.waitFor(
                deadline, d -> d.findElement(By.id("multicast:table")).getText().contains(text));
        return this;
    }

    /** Waits for the first sender's packet count to leave 0. */
    public MulticastSection awaitPackets(Duration deadline) {
        browser.waitFor(deadline, d -> !d.findElement(By.cssSelector("#multicast .multicast-packets"))
                .getText()
                .equals("0"));
        return this;
    }

    /** Removes the (first) sender, confirming. */
    public MulticastSection removeFirst() {
        browser.click(By.xpath("//form[@id='multicast']//button[contains(@id,':remove')]"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        return this;
    }
}
