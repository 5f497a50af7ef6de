package org.headend.webhook.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.platform.Page;
import org.headend.platform.Paging;
import org.headend.webhook.control.EventBodies;
import org.headend.webhook.control.WebhookStore;
import org.headend.webhook.entity.EventType;
import org.headend.webhook.entity.Webhook;
import org.headend.webhook.entity.WebhookDelivery;

/**
 * Managing webhooks, for the API and the console alike: validated, audited (never the secret,
 * and the URL without its query, where receivers sometimes keep a token).
 */
@RequestScoped
@Transactional
public class WebhookOperations {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final int MAX_URL = 2048;

    @Inject
    WebhookStore store;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    public Webhook create(String url, Collection<String> events, String secret) {
        URI target = checkUrl(url);
        List<String> types = checkEvents(events);
        checkSecret(secret);
        Webhook webhook = store.create(url, types, secret);
        audit.record(actors.current(), "webhook.create", "webhook", webhook.id(), describe(target, types));
        return webhook;
    }

    /** Changes what is given; what is left out stays as it is. */
    public Webhook update(
            String id, Optional<String> url, Optional<? extends Collection<String>> events, Optional<String> secret) {
        Webhook webhook = existing(id);
        URI target = checkUrl(url.orElse(webhook.url()));
        List<String> types = checkEvents(events.isPresent() ? events.get() : webhook.events());
        secret.ifPresent(WebhookOperations::checkSecret);
        Webhook changed = store.update(id, target.toString(), types, secret);
        audit.record(
                actors.current(),
                "webhook.update",
                "webhook",
                id,
                describe(target, types) + (secret.isPresent() ? " secret=changed" : ""));
        return changed;
    }

    public void delete(String id) {
        Webhook webhook = existing(id);
        store.delete(id);
        audit.record(
                actors.current(),
                "webhook.delete",
                "webhook",
                id,
                describe(URI.create(webhook.url()), webhook.events()));
    }

    /** Queues a {@code ping} to the webhook, delivered (and retried) like any event. */
    public WebhookDelivery ping(String id) {
        existing(id);
        return store.enqueueTo(id, EventType.PING, EventBodies.ping(id, Instant.now()));
    }

    public Page<DeliveryJson> deliveries(String id, Paging paging) {
        existing(id);
        return new Page<>(
                store.deliveries(id, paging).stream().map(DeliveryJson::of).toList(),
                paging.page(),
                paging.size(),
                store.countDeliveries(id));
    }

    public Webhook existing(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("No webhook with id '" + id + "'."));
    }

    static URI checkUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw ApiException.invalid("url", "'url' is required, at most " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "'url' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalid("url", "'url' must be an http:// or https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalid("url", "'url' must name a host.");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw ApiException.invalid("url", "'url' has a port outside 1-65535.");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalid("url", "'url' must not carry credentials; the secret signs every body.");
        }
        return uri;
    }

    static List<String> checkEvents(Collection<String> events) {
        if (events == null || events.isEmpty()) {
            throw ApiException.invalid("events", "'events' must list at least one of " + EventType.names() + ".");
        }
        var types = new LinkedHashSet<String>();
        for (String event : events) {
            if (event == null || EventType.of(event).isEmpty()) {
                throw ApiException.invalid(
                        "events", "Unknown event '" + event + "'; known: " + EventType.names() + ".");
            }
            types.add(event);
        }
        return List.copyOf(types);
    }

    static void checkSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw ApiException.invalid(
                    "secret", "'secret' must be " + MIN_SECRET + " to " + MAX_SECRET + " characters long.");
        }
    }

    private static String describe(URI target, List<String> types) {
        String where =
                target.getScheme() + "://" + target.getHost() + (target.getPort() == -1 ? "" : ":" + target.getPort())
                        + (target.getRawPath() == null ? "" : target.getRawPath());
        return "url=" + where + " events=" + String.join(",", types);
    }
}
