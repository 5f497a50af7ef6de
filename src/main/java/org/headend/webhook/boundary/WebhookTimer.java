package org.headend.webhook.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.webhook.control.WebhookDispatcher;
import org.headend.webhook.control.WebhookStore;

/**
 * Every second, starts the webhook deliveries that are due (new ones and retries); every hour,
 * forgets finished deliveries older than {@code headend.webhook.keep-deliveries}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookTimer {

    private static final Logger LOG = Logger.getLogger(WebhookTimer.class.getName());

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookStore store;

    @Inject
    @ConfigProperty(name = "headend.webhook.keep-deliveries", defaultValue = "P30D")
    Duration keep;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void dispatch() {
        dispatcher.dispatchDue();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        int purged = store.purgeFinished(Instant.now().minus(keep));
        if (purged > 0) {
            LOG.info(() -> "Forgot " + purged + " finished webhook deliveries older than " + keep);
        }
    }
}
