package org.headend.webhook.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The webhooks API's bodies as the OpenAPI document describes them, for client generators; the
 * resource reads them field by field ({@link org.headend.platform.JsonBody}).
 */
final class WebhookSchemas {

    private WebhookSchemas() {}

    private static final String URL = "http:// or https:// with a host, no credentials";

    @Schema(
            name = "WebhookCreate",
            description = "A new webhook; url, events (at least one) and secret are required",
            requiredProperties = {"url", "events", "secret"})
    record Create(
            @Schema(description = URL, maxLength = 2048) String url,
            List<Event> events,
            @Schema(description = "Signs every event", minLength = 16, maxLength = 256, writeOnly = true)
                    String secret) {}

    @Schema(name = "WebhookChange", description = "Any of the three; what is left out stays")
    record Change(
            @Schema(description = URL, maxLength = 2048) String url,
            List<Event> events,
            @Schema(minLength = 16, maxLength = 256, writeOnly = true) String secret) {}

    @Schema(
            name = "WebhookEvent",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            enumeration = {"stream.live", "stream.offline", "output.failed", "output.recovered", "recording.finished"})
    record Event() {}

    @Schema(name = "DeliveryPage", description = "One page of deliveries, newest first")
    record DeliveryPage(List<DeliveryJson> items, int page, int size, long total) {}
}
