package org.headend.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one webhook. Its id is the delivery id receivers see in
 * {@code X-Headend-Delivery}, the same on every retry so they can drop duplicates.
 */
@Entity
@Table(name = "webhook_deliveries")
@NamedQuery(
        name = WebhookDelivery.OF_WEBHOOK,
        query = "SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhook ORDER BY d.createdAt DESC, d.id")
@NamedQuery(
        name = WebhookDelivery.COUNT_OF_WEBHOOK,
        query = "SELECT COUNT(d) FROM WebhookDelivery d WHERE d.webhookId = :webhook")
@NamedQuery(
        name = WebhookDelivery.DUE,
        query = "SELECT d FROM WebhookDelivery d WHERE d.state = :state AND d.nextAttemptAt <= :now"
                + " ORDER BY d.nextAttemptAt")
@NamedQuery(
        name = WebhookDelivery.COUNT_IN_STATE,
        query = "SELECT COUNT(d) FROM WebhookDelivery d WHERE d.state = :state")
public class WebhookDelivery {

    public static final String OF_WEBHOOK = "WebhookDelivery.ofWebhook";
    public static final String COUNT_OF_WEBHOOK = "WebhookDelivery.countOfWebhook";
    public static final String DUE = "WebhookDelivery.due";
    public static final String COUNT_IN_STATE = "WebhookDelivery.countInState";

    private static final int MAX_ERROR = 500;

    @Id
    private String id;

    @Column(name = "webhook_id")
    private String webhookId;

    @Column(name = "event_type")
    private String eventType;

    private String body;
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Enumerated(EnumType.STRING)
    private DeliveryState state;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {}

    public WebhookDelivery(String webhookId, String eventType, String body, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.webhookId = webhookId;
        this.eventType = eventType;
        this.body = body;
        this.state = DeliveryState.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Holds the delivery back while one attempt is under way, so no second worker takes it. */
    public void lease(Instant until) {
        this.nextAttemptAt = until;
    }

    public void delivered(int status, Instant at) {
        attempted(status, null);
        this.state = DeliveryState.DELIVERED;
        this.deliveredAt = at;
        this.nextAttemptAt = null;
    }

    public void retryAt(Integer status, String error, Instant next) {
        attempted(status, error);
        this.nextAttemptAt = next;
    }

    public void failed(Integer status, String error) {
        attempted(status, error);
        this.state = DeliveryState.FAILED;
        this.nextAttemptAt = null;
    }

    private void attempted(Integer status, String error) {
        this.attempts++;
        this.lastStatus = status;
        this.lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    public String id() {
        return id;
    }

    public String webhookId() {
        return webhookId;
    }

    public String eventType() {
        return eventType;
    }

    public String body() {
        return body;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public DeliveryState state() {
        return state;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
