package org.headend.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.headend.testing.AdminBrowser;
import org.headend.testing.ApiUsers;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.WebhooksPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhooks page in a real browser: create, a test ping and its delivery, delete with confirm. */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class WebhooksPageIT {

    @Test
    void anAdminCreatesAWebhookPingsItSeesTheDeliveryAndDeletesIt(HeadendProcess app, Browser browser) {
        String secret = "console-" + Names.unique("secret");
        try (var receiver = Receiver.answering()) {
            var webhooks = WebhooksPage.navigate(browser).create(receiver.url(), "short");
            assertTrue(webhooks.fieldError().contains("16 to 256"));

            webhooks.create(receiver.url(), secret).awaitRow(receiver.url());
            assertFalse(browser.driver().getPageSource().contains(secret), "the secret is never shown");

            webhooks.ping(receiver.url());
            Await.until("the ping at the receiver", Duration.ofSeconds(20), () -> receiver.received().stream()
                    .anyMatch(r -> "ping".equals(r.header("X-Headend-Event"))));
            Await.until("the delivery recorded", Duration.ofSeconds(20), () -> deliveredOf(app, receiver.url()));
            webhooks.refreshUntilDeliveries("DELIVERED");

            webhooks.delete(receiver.url());
            boolean gone = app.admin().get("/api/v1/webhooks").body().contains(receiver.url());
            assertEquals(false, gone, "deleted through the same operations as the API");
        }
    }

    private static Boolean deliveredOf(HeadendProcess app, String url) {
        var admin = app.admin();
        return ApiUsers.array(admin.get("/api/v1/webhooks")).stream()
                .filter(w -> w.getString("url").equals(url))
                .anyMatch(w -> admin.get("/api/v1/webhooks/" + w.getString("id") + "/deliveries")
                        .body()
                        .contains("\"state\":\"DELIVERED\""));
    }
}
