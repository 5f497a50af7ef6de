package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The ladders, users and audit pages in a real browser, signed in as the admin. */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class AdminConsoleIT {

    @Test
    void aLadderWithAnOddHeightIsRefusedNextToTheFieldThenSavedOnceFixed(HeadendProcess app, Browser browser) {
        String name = Names.unique("ladder");
        browser.open("/ladder");
        browser.type(By.id("ladder:name"), name);
        browser.type(By.id("ladder:renditions:0:name"), "540p");
        browser.type(By.id("ladder:renditions:0:height_input"), "541");
        browser.click(By.id("ladder:save"));
        String next = "//*[@id='ladder:renditions:0:height']/following::*[contains(@class,'ui-message')][1]";
        browser.waitFor(d -> d.findElement(By.xpath(next)).getText().contains("must be even"));
        assertEquals(404, app.admin().get("/api/v1/ladders/" + name).status(), "nothing was stored");

        browser.type(By.id("ladder:renditions:0:height_input"), "540");
        browser.type(By.id("ladder:renditions:0:width_input"), "960");
        browser.click(By.id("ladder:save"));
        browser.waitFor(d -> browser.currentPath().equals("/ladders"));
        browser.find(By.xpath("//span[@class='ladder-name' and text()='" + name + "']"));
        var stored = app.admin().get("/api/v1/ladders/" + name).json();
        assertEquals(540, stored.getJsonArray("renditions").getJsonObject(0).getInt("height"));
    }

    @Test
    void anAdminCreatesAndDisablesAUserAndFindsBothInTheAuditLog(HeadendProcess app, Browser browser) {
        String user = Names.unique("clerk");
        browser.open("/users");
        browser.type(By.id("users:new-username"), user);
        browser.type(By.id("users:new-password"), "short");
        browser.click(By.id("users:create"));
        assertTrue(browser.find(By.xpath("//*[contains(@class,'ui-message-error')]"))
                .getText()
                .contains("10 to 256"));

        browser.type(By.id("users:new-password"), "clerk-Secret-1");
        browser.click(By.id("users:create"));
        String row = "//tr[.//span[@class='username' and text()='" + user + "']]";
        browser.find(By.xpath(row));
        browser.click(By.xpath(row + "//button[contains(@id,':toggle')]"));
        browser.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.xpath(row + "//span[@class='enabled']"))
                .getText()
                .equals("no"));
        assertEquals(false, app.admin().get("/api/v1/users/" + user).json().getBoolean("enabled"));

        browser.open("/audit");
        browser.type(By.id("audit:object"), "user/" + user);
        browser.click(By.id("audit:search"));
        browser.waitFor(d -> {
            String table = d.findElement(By.id("audit:table")).getText();
            return table.contains("user.create") && table.contains("user.update");
        });
    }
}
