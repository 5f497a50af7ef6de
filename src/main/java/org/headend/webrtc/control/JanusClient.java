package org.headend.webrtc.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.headend.platform.SecureTokens;

/**
 * Janus's HTTP API, as the app uses it: sessions created one by one, each with its own long poll
 * for events and a keep-alive well inside Janus's 60 s session timeout. Every request carries the
 * API secret; nothing here logs a request body (offers name the client's addresses).
 */
@ApplicationScoped
public class JanusClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Janus answers an idle long poll after 30 s with a keep-alive event. */
    static final Duration POLL_TIMEOUT = Duration.ofSeconds(45);

    static final Duration INFO_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration KEEPALIVE = Duration.ofSeconds(20);

    @Inject
    JanusEndpoint endpoint;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private HttpClient http;
    private final Map<Long, JanusSession> sessions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepalives;

    @PostConstruct
    void init() {
        // Responses complete on managed threads, so listeners may call the app's beans.
        // HTTP/1.1 outright: Janus's libmicrohttpd has no use for the client's h2c upgrade offer.
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(executor)
                .build();
        keepalives = scheduler.scheduleAtFixedRate(
                this::keepAll, KEEPALIVE.toMillis(), KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new Janus session, polled for events until it is closed or lost. */
    public JanusSession open() throws JanusException {
        JsonObject reply = post(endpoint.apiBase(), Json.createObjectBuilder().add("janus", "create"));
        long id = reply.getJsonObject("data").getJsonNumber("id").longValue();
        var session = new JanusSession(this, id);
        sessions.put(id, session);
        session.poll();
        return session;
    }

    /**
     * Janus's server info (version, plugins): the cheapest request that proves its core and HTTP
     * transport work. Needs no secret; answers within {@link #INFO_TIMEOUT} or counts as none.
     */
    public JsonObject info() throws JanusException {
        return send(endpoint.apiBase(), infoRequest(), INFO_TIMEOUT);
    }

    /** Whether Janus answers an info request in time; never blocks the caller. */
    public CompletableFuture<Boolean> answers() {
        return http.sendAsync(
                        request(endpoint.apiBase(), infoRequest(), INFO_TIMEOUT), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> r.statusCode() == 200 && r.body().contains("\"server_info\""))
                .exceptionally(e -> false);
    }

    private static JsonObject infoRequest() {
        return Json.createObjectBuilder()
                .add("janus", "info")
                .add("transaction", SecureTokens.urlSafe(12))
                .build();
    }

    /** How many sessions the app holds open. */
    public int openSessions() {
        return sessions.size();
    }

    /** The ids of every session Janus itself has, through its admin API: what a leak would show. */
    public List<Long> janusSessions() throws JanusException {
        JsonObject reply = send(
                endpoint.adminBase(),
                Json.createObjectBuilder()
                        .add("janus", "list_sessions")
                        .add("transaction", SecureTokens.urlSafe(12))
                        .add("admin_secret", endpoint.adminSecret())
                        .build());
        List<Long> ids = new ArrayList<>();
        JsonArray list = reply.getJsonArray("sessions");
        if (list != null) {
            list.getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> ids.add(n.longValue()));
        }
        return ids;
    }

    /** Janus ended (it died or was restarted): every session it had is gone with it. */
    public void lostAll(String reason) {
        List.copyOf(sessions.values()).forEach(s -> s.lost(reason));
    }

    String endpointBase() {
        return endpoint.apiBase();
    }

    void forget(JanusSession session) {
        sessions.remove(session.id());
    }

    private void keepAll() {
        for (JanusSession s : List.copyOf(sessions.values())) {
            s.keepalive();
        }
    }

    /** Sends a request (a transaction and the API secret added) and returns Janus's answer. */
    JsonObject post(String url, JsonObjectBuilder request) throws JanusException {
        return send(
                url,
                withSecret(request).add("transaction", SecureTokens.urlSafe(12)).build());
    }

    JsonObjectBuilder withSecret(JsonObjectBuilder request) {
        return request.add("apisecret", endpoint.apiSecret());
    }

    JsonObject send(String url, JsonObject request) throws JanusException {
        return send(url, request, REQUEST_TIMEOUT);
    }

    private static HttpRequest request(String url, JsonObject body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private JsonObject send(String url, JsonObject request, Duration timeout) throws JanusException {
        try {
            HttpResponse<String> response =
                    http.send(request(url, request, timeout), HttpResponse.BodyHandlers.ofString());
            return checked(parse(response.body()).asJsonObject());
        } catch (IOException | RuntimeException e) {
            throw new JanusException("Janus is unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException("Interrupted while calling Janus", e);
        }
    }

    /** The session's next events: a JSON array of up to ten, or a keep-alive after 30 s of none. */
    CompletableFuture<List<JsonObject>> longPoll(long sessionId) {
        var request = HttpRequest.newBuilder(URI.create(
                        endpoint.apiBase() + "/" + sessionId + "?maxev=10&apisecret=" + endpoint.apiSecret()))
                .timeout(POLL_TIMEOUT)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonValue value = parse(response.body());
            List<JsonObject> events = new ArrayList<>();
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().forEach(v -> events.add(v.asJsonObject()));
            } else {
                events.add(value.asJsonObject());
            }
            return events;
        });
    }

    static JsonValue parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    /** Janus's own errors ({@code "janus":"error"}) as exceptions. */
    static JsonObject checked(JsonObject reply) throws JanusException {
        if ("error".equals(reply.getString("janus", ""))) {
            JsonObject error = reply.getJsonObject("error");
            throw new JanusException(
                    error == null ? 0 : error.getInt("code", 0),
                    "Janus: " + (error == null ? "error" : error.getString("reason", "error")));
        }
        return reply;
    }

    @PreDestroy
    void closeAll() {
        if (keepalives != null) {
            keepalives.cancel(false);
        }
        List.copyOf(sessions.values()).forEach(JanusSession::close);
    }
}
