package org.headend.webhook.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.headend.webhook.entity.Webhook;

/** A webhook as the API shows it: the secret is always {@code ***}, with its last characters as a hint. */
public record WebhookJson(
        String id, String url, List<String> events, String secret, String secretHint, Instant createdAt)
        implements Serializable {

    static WebhookJson of(Webhook webhook) {
        return new WebhookJson(
                webhook.id(),
                webhook.url(),
                List.copyOf(webhook.events()),
                "***",
                webhook.secretHint(),
                webhook.createdAt());
    }

    /** The events on one line, for the console. */
    public String eventList() {
        return String.join(", ", events);
    }
}
