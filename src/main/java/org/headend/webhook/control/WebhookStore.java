package org.headend.webhook.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headend.platform.Paging;
import org.headend.platform.SecretSeal;
import org.headend.webhook.entity.DeliveryState;
import org.headend.webhook.entity.Webhook;
import org.headend.webhook.entity.WebhookDelivery;

/** Webhooks and their deliveries in the database; secrets go in sealed. */
@Stateless
public class WebhookStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretSeal seal;

    /** A delivery taken for one attempt: all the sender needs, the secret opened. */
    public record Due(String id, String webhookId, String url, String secret, String eventType, String body) {
        @Override
        public String toString() {
            return "Due[" + id + " " + eventType + " to webhook " + webhookId + "]"; // never the secret
        }
    }

    public Webhook create(String url, List<String> events, String secret) {
        var webhook = new Webhook(url, events, seal.seal(secret), hint(secret));
        em.persist(webhook);
        return webhook;
    }

    public Optional<Webhook> find(String id) {
        return Optional.ofNullable(em.find(Webhook.class, id));
    }

    public List<Webhook> all() {
        return em.createNamedQuery(Webhook.ALL, Webhook.class).getResultList();
    }

    public Webhook update(String id, String url, List<String> events, Optional<String> secret) {
        Webhook webhook = em.find(Webhook.class, id);
        webhook.change(url, events);
        secret.ifPresent(s -> webhook.useSecret(seal.seal(s), hint(s)));
        return webhook;
    }

    public void delete(String id) {
        em.createQuery("DELETE FROM WebhookDelivery d WHERE d.webhookId = :webhook")
                .setParameter("webhook", id)
                .executeUpdate();
        Optional.ofNullable(em.find(Webhook.class, id)).ifPresent(em::remove);
    }

    /** Stores one pending delivery of the event for every webhook that wants it. */
    public int enqueue(String eventType, String body) {
        Instant now = Instant.now();
        List<Webhook> wanting = all().stream().filter(w -> w.wants(eventType)).toList();
        wanting.forEach(w -> em.persist(new WebhookDelivery(w.id(), eventType, body, now)));
        return wanting.size();
    }

    public WebhookDelivery enqueueTo(String webhookId, String eventType, String body) {
        var delivery = new WebhookDelivery(webhookId, eventType, body, Instant.now());
        em.persist(delivery);
        return delivery;
    }

    /** Takes up to {@code limit} due deliveries, each held back for {@code lease} while it is tried. */
    public List<Due> claimDue(Instant now, int limit, Duration lease) {
        return em
                .createNamedQuery(WebhookDelivery.DUE, WebhookDelivery.class)
                .setParameter("state", DeliveryState.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .flatMap(d -> {
                    d.lease(now.plus(lease));
                    return find(d.webhookId()).stream()
                            .map(w -> new Due(
                                    d.id(), w.id(), w.url(), seal.open(w.secretSealed()), d.eventType(), d.body()));
                })
                .toList();
    }

    /** Records an attempt's outcome and answers the delivery's state after it. */
    public Optional<DeliveryState> recordAttempt(
            String id, Integer status, String error, Instant now, RetrySchedule schedule) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery == null) {
            return Optional.empty(); // its webhook was deleted meanwhile
        }
        if (status != null && status >= 200 && status < 300) {
            delivery.delivered(status, now);
        } else {
            schedule.next(delivery.attempts() + 1, delivery.createdAt(), now)
                    .ifPresentOrElse(
                            next -> delivery.retryAt(status, error, next), () -> delivery.failed(status, error));
        }
        return Optional.of(delivery.state());
    }

    public List<WebhookDelivery> deliveries(String webhookId, Paging paging) {
        return em.createNamedQuery(WebhookDelivery.OF_WEBHOOK, WebhookDelivery.class)
                .setParameter("webhook", webhookId)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
    }

    public long countDeliveries(String webhookId) {
        return em.createNamedQuery(WebhookDelivery.COUNT_OF_WEBHOOK, Long.class)
                .setParameter("webhook", webhookId)
                .getSingleResult();
    }

    /** Deletes delivered and failed deliveries created before {@code before}; pending ones stay. */
    public int purgeFinished(Instant before) {
        return em.createQuery("DELETE FROM WebhookDelivery d WHERE d.state <> :pending AND d.createdAt < :before")
                .setParameter("pending", DeliveryState.PENDING)
                .setParameter("before", before)
                .executeUpdate();
    }

    public long countPending() {
        return em.createNamedQuery(WebhookDelivery.COUNT_IN_STATE, Long.class)
                .setParameter("state", DeliveryState.PENDING)
                .getSingleResult();
    }

    /** The last four characters, enough to tell two secrets apart and too few to guess the rest. */
    static String hint(String secret) {
        return "…" + secret.substring(secret.length() - 4);
    }
}
