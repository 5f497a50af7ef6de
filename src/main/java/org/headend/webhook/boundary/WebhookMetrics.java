package org.headend.webhook.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.platform.metrics.OutcomeCounter;
import org.headend.webhook.control.WebhookStore;
import org.headend.webhook.entity.DeliveryAttempted;

/** Delivery attempts by outcome, and how many deliveries are still pending. */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry metrics;

    @Inject
    WebhookStore store;

    private OutcomeCounter deliveries;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        deliveries = new OutcomeCounter(
                metrics,
                "headend_webhook_deliveries",
                "Webhook delivery attempts: delivered, failed and to be retried, or given up",
                List.of("delivered", "retried", "failed"));
        metrics.gauge(
                Metadata.builder()
                        .withName("headend_webhook_pending")
                        .withDescription("Webhook deliveries waiting for a first attempt or a retry")
                        .build(),
                store,
                WebhookStore::countPending);
    }

    void onAttempt(@Observes DeliveryAttempted attempt) {
        if (deliveries != null) {
            deliveries.count(attempt.result());
        }
    }
}
