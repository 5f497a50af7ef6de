package org.headend.webhook.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.webhook.entity.DeliveryAttempted;
import org.headend.webhook.entity.DeliveryState;

/**
 * Sends due deliveries on the managed executor, at most {@code headend.webhook.concurrency} at a
 * time, and records each outcome with its retry. Each delivery is leased in the database while it
 * is tried, so a restart picks up whatever was pending or under way.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    /** Longer than any attempt can take (the timeout): an attempt cut by a crash is retried after it. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookStore store;

    @Inject
    WebhookSender sender;

    @Inject
    Event<DeliveryAttempted> attempted;

    @Inject
    @ConfigProperty(name = "headend.webhook.retry.initial", defaultValue = "PT5S")
    Duration initial;

    @Inject
    @ConfigProperty(name = "headend.webhook.retry.max", defaultValue = "PT1H")
    Duration max;

    @Inject
    @ConfigProperty(name = "headend.webhook.retry.window", defaultValue = "PT24H")
    Duration window;

    @Inject
    @ConfigProperty(name = "headend.webhook.concurrency", defaultValue = "4")
    int concurrency;

    private volatile Semaphore slots;

    /** Starts an attempt for each due delivery there is a free slot for. */
    public void dispatchDue() {
        Semaphore free = slots();
        int available = free.drainPermits();
        if (available == 0) {
            return;
        }
        int started = 0;
        try {
            for (WebhookStore.Due due : store.claimDue(Instant.now(), available, LEASE)) {
                executor.execute(() -> attempt(due, free));
                started++;
            }
        } catch (RejectedExecutionException | IllegalStateException | jakarta.ejb.EJBException e) {
            LOG.log(Level.WARNING, "Cannot start webhook deliveries now; they stay pending", e);
        } finally {
            free.release(available - started);
        }
    }

    private void attempt(WebhookStore.Due due, Semaphore free) {
        try {
            WebhookSender.Outcome outcome = sender.send(due);
            store.recordAttempt(due.id(), outcome.status(), outcome.error(), Instant.now(), schedule())
                    .ifPresent(
                            state -> attempted.fire(new DeliveryAttempted(due.id(), due.webhookId(), result(state))));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Webhook delivery " + due.id() + " could not be recorded; retried after its lease",
                    e);
        } finally {
            free.release();
        }
    }

    private static String result(DeliveryState state) {
        return switch (state) {
            case DELIVERED -> "delivered";
            case PENDING -> "retried";
            case FAILED -> "failed";
        };
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(initial, max, window);
    }

    private Semaphore slots() {
        if (slots == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new Semaphore(Math.max(1, concurrency));
                }
            }
        }
        return slots;
    }
}
