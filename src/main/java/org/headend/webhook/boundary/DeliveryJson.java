package org.headend.webhook.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.headend.webhook.entity.WebhookDelivery;

/** One delivery of one event to one webhook, with how its attempts went. */
public record DeliveryJson(
        String id,
        String webhookId,
        String event,
        String state,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String body)
        implements Serializable {

    static DeliveryJson of(WebhookDelivery delivery) {
        return new DeliveryJson(
                delivery.id(),
                delivery.webhookId(),
                delivery.eventType(),
                delivery.state().name(),
                delivery.attempts(),
                delivery.lastStatus(),
                delivery.lastError(),
                delivery.createdAt(),
                delivery.nextAttemptAt(),
                delivery.deliveredAt(),
                delivery.body());
    }
}
