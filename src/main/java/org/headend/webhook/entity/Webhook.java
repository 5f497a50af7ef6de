package org.headend.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A receiver of events: where they go, which types it wants, and the secret that signs them. The
 * secret is kept sealed; only its last characters (the hint) are ever shown.
 */
@Entity
@Table(name = "webhooks")
@NamedQuery(name = Webhook.ALL, query = "SELECT w FROM Webhook w ORDER BY w.createdAt")
public class Webhook {

    public static final String ALL = "Webhook.all";

    @Id
    private String id;

    private String url;
    private String events;

    @Column(name = "secret_sealed")
    private String secretSealed;

    @Column(name = "secret_hint")
    private String secretHint;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Webhook() {}

    public Webhook(String url, List<String> events, String secretSealed, String secretHint) {
        this.id = UUID.randomUUID().toString();
        this.createdAt = Instant.now();
        change(url, events);
        useSecret(secretSealed, secretHint);
    }

    public void change(String newUrl, List<String> newEvents) {
        this.url = newUrl;
        this.events = String.join(",", newEvents);
    }

    public void useSecret(String sealed, String hint) {
        this.secretSealed = sealed;
        this.secretHint = hint;
    }

    public boolean wants(String eventType) {
        return events().contains(eventType);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> events() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }

    public String secretSealed() {
        return secretSealed;
    }

    public String secretHint() {
        return secretHint;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
