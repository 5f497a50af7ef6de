package org.headend.webrtc.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.headend.platform.SecureTokens;

/**
 * One Janus session: its plugin handles, its long poll, and the requests waiting for an event.
 * Closing it destroys it in Janus (every handle and PeerConnection with it); losing it (Janus gone,
 * session timed out) tells every handle's listener.
 */
public final class JanusSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JanusSession.class.getName());

    private final JanusClient client;
    private final long id;
    private final Map<Long, JanusHandle> handles = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    /** Cleared once: closing (ours) and losing (the poll's thread) may race. */
    private final AtomicBoolean open = new AtomicBoolean(true);

    JanusSession(JanusClient client, long id) {
        this.client = client;
        this.id = id;
    }

    public long id() {
        return id;
    }

    public boolean isOpen() {
        return open.get();
    }

    /** Attaches a plugin ("janus.plugin.videoroom", "janus.plugin.streaming"). */
    public JanusHandle attach(String plugin, HandleListener listener) throws JanusException {
        JsonObject reply = client.post(
                url(), Json.createObjectBuilder().add("janus", "attach").add("plugin", plugin));
        long handleId = reply.getJsonObject("data").getJsonNumber("id").longValue();
        var handle = new JanusHandle(this, handleId, listener);
        handles.put(handleId, handle);
        return handle;
    }

    /** Destroys the session in Janus; harmless when it is gone already. */
    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        client.forget(this);
        try {
            client.post(url(), Json.createObjectBuilder().add("janus", "destroy"));
        } catch (JanusException e) {
            LOG.fine(() -> "Janus session " + id + " was gone already: " + e.getMessage());
        }
        ended("closed");
    }

    String url() {
        return client.endpointBase() + "/" + id;
    }

    JsonObject post(String url, JsonObjectBuilder request) throws JanusException {
        return client.post(url, request);
    }

    /**
     * Sends a request whose answer may come later as an event with the same transaction (Janus
     * first acks it): returns that event, or the answer itself when Janus answered at once.
     */
    JsonObject transact(String url, JsonObjectBuilder request, Duration timeout) throws JanusException {
        String transaction = SecureTokens.urlSafe(12);
        var answer = new CompletableFuture<JsonObject>();
        pending.put(transaction, answer);
        try {
            JsonObject reply = client.send(
                    url,
                    client.withSecret(request).add("transaction", transaction).build());
            if (!"ack".equals(reply.getString("janus", ""))) {
                return reply;
            }
            return JanusClient.checked(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new JanusException(0, "Janus did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new JanusException("Janus session " + id + " ended", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException("Interrupted while waiting for Janus", e);
        } finally {
            pending.remove(transaction);
        }
    }

    void forget(JanusHandle handle) {
        handles.remove(handle.id());
    }

    void keepalive() {
        try {
            client.post(url(), Json.createObjectBuilder().add("janus", "keepalive"));
        } catch (JanusException e) {
            lost("keep-alive failed: " + e.getMessage());
        }
    }

    void poll() {
        if (!open.get()) {
            return;
        }
        client.longPoll(id).whenComplete((events, failure) -> {
            if (!open.get()) {
                return;
            }
            if (failure != null) {
                lost("Janus stopped answering (" + failure.getClass().getSimpleName() + ")");
                return;
            }
            events.forEach(this::dispatch);
            poll();
        });
    }

    private void dispatch(JsonObject event) {
        String kind = event.getString("janus", "");
        String transaction = event.getString("transaction", null);
        if (transaction != null && pending.containsKey(transaction) && !"ack".equals(kind)) {
            pending.get(transaction).complete(event);
            return;
        }
        if ("error".equals(kind)
                && event.getJsonObject("error") != null
                && event.getJsonObject("error").getInt("code", 0) == 458) {
            lost("Janus no longer knows the session");
            return;
        }
        if ("timeout".equals(kind)) {
            lost("the session timed out in Janus");
            return;
        }
        if (!event.containsKey("sender")) {
            return;
        }
        JanusHandle handle = handles.get(event.getJsonNumber("sender").longValue());
        if (handle != null) {
            handle.dispatch(kind, event);
        }
    }

    /** The session is gone in Janus: every handle's listener hears it, every waiting request fails. */
    void lost(String reason) {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        client.forget(this);
        LOG.info(() -> "Janus session " + id + " lost: " + reason);
        ended(reason);
    }

    private void ended(String reason) {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(reason)));
        for (JanusHandle handle : List.copyOf(handles.values())) {
            handle.gone(reason);
        }
        handles.clear();
    }
}
