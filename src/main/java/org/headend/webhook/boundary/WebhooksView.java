package org.headend.webhook.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.headend.platform.ApiException;
import org.headend.platform.Paging;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.headend.webhook.control.WebhookStore;
import org.headend.webhook.entity.EventType;

/**
 * The webhooks page (admins only): list, create, delete, send a test ping, and the recent
 * deliveries of the selected webhook. Everything goes through {@link WebhookOperations}.
 */
@Named
@ViewScoped
public class WebhooksView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Paging RECENT = new Paging(0, 20);

    @Inject
    transient WebhookOperations operations;

    @Inject
    transient WebhookStore store;

    @Inject
    transient CallerRoles caller;

    private List<WebhookJson> rows;
    private String newUrl;
    private List<String> newEvents = new ArrayList<>(List.of("stream.live", "stream.offline"));
    private String newSecret;
    private String selected;
    private String toDelete;

    public List<WebhookJson> getRows() {
        if (rows == null) {
            caller.requireAdmin();
            rows = store.all().stream().map(WebhookJson::of).toList();
        }
        return rows;
    }

    public List<DeliveryJson> getDeliveries() {
        if (selected == null) {
            return List.of();
        }
        try {
            return operations.deliveries(selected, RECENT).items();
        } catch (ApiException gone) {
            return List.of();
        }
    }

    public void create() {
        act("webhooks:new-", () -> {
            var created = operations.create(newUrl, newEvents, newSecret);
            ConsoleMessages.info("Webhook to " + created.url() + " created.");
            selected = created.id();
            newUrl = null;
        });
        newSecret = null;
    }

    public void confirmDelete(String id) {
        toDelete = id;
    }

    public void delete() {
        act(null, () -> {
            operations.delete(toDelete);
            ConsoleMessages.info("Webhook deleted.");
            if (toDelete.equals(selected)) {
                selected = null;
            }
        });
    }

    public void ping(String id) {
        act(null, () -> {
            operations.ping(id);
            selected = id;
            ConsoleMessages.info("A ping is on its way; its delivery shows below.");
        });
    }

    public void select(String id) {
        selected = id;
    }

    /** Re-reads the deliveries (the poll on the page calls it while a webhook is selected). */
    public void refresh() {
        rows = null;
    }

    private void act(String fieldPrefix, Runnable action) {
        try {
            caller.requireAdmin();
            action.run();
            rows = null;
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, fieldPrefix);
        }
    }

    public List<String> getEventTypes() {
        return EventType.names();
    }

    public Optional<WebhookJson> selectedWebhook() {
        return getRows().stream().filter(w -> w.id().equals(selected)).findFirst();
    }

    public String getSelectedUrl() {
        return selectedWebhook().map(WebhookJson::url).orElse(null);
    }

    public String getSelected() {
        return selected;
    }

    public String getNewUrl() {
        return newUrl;
    }

    public void setNewUrl(String newUrl) {
        this.newUrl = newUrl;
    }

    public List<String> getNewEvents() {
        return newEvents;
    }

    public void setNewEvents(List<String> newEvents) {
        this.newEvents = newEvents;
    }

    public String getNewSecret() {
        return newSecret;
    }

    public void setNewSecret(String newSecret) {
        this.newSecret = newSecret;
    }
}
