package org.headend.webrtc.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** One plugin attached in a session: its requests, and the events Janus sends about it. */
public final class JanusHandle {

    /** What a plugin takes at most to answer with an SDP (it gathers its candidates first). */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final JanusSession session;
    private final long id;
    private final HandleListener listener;
    /** Set once: the reply to our detach and Janus's "detached" event race on two threads. */
    private final AtomicBoolean gone = new AtomicBoolean();

    JanusHandle(JanusSession session, long id, HandleListener listener) {
        this.session = session;
        this.id = id;
        this.listener = listener;
    }

    public long id() {
        return id;
    }

    public JanusSession session() {
        return session;
    }

    /**
     * A plugin request ({@code body}), with an SDP to hand over ({@code jsep}, may be null):
     * returns the plugin's answer, whether it came at once or as a later event. A plugin error
     * ({@code error_code} in its data) is thrown.
     */
    public PluginReply request(JsonObject body, JsonObject jsep, Duration timeout) throws JanusException {
        var request = Json.createObjectBuilder().add("janus", "message").add("body", body);
        if (jsep != null) {
            request.add("jsep", jsep);
        }
        JsonObject reply = session.transact(url(), request, timeout);
        JsonObject plugindata = reply.getJsonObject("plugindata");
        JsonObject data = plugindata == null ? Json.createObjectBuilder().build() : plugindata.getJsonObject("data");
        if (data != null && data.containsKey("error_code")) {
            throw new JanusException(data.getInt("error_code"), "Janus: " + data.getString("error", "plugin error"));
        }
        return new PluginReply(data, reply.getJsonObject("jsep"));
    }

    public PluginReply request(JsonObject body) throws JanusException {
        return request(body, null, ANSWER_TIMEOUT);
    }

    /** Hands Janus the peer's ICE candidates ({@code candidate}/{@code sdpMid}/{@code sdpMLineIndex}). */
    public void trickle(JsonArray candidates) throws JanusException {
        session.post(url(), Json.createObjectBuilder().add("janus", "trickle").add("candidates", candidates));
    }

    /** Tells Janus the peer has no more candidates. */
    public void trickleCompleted() throws JanusException {
        session.post(
                url(),
                Json.createObjectBuilder()
                        .add("janus", "trickle")
                        .add("candidate", Json.createObjectBuilder().add("completed", true)));
    }

    /** Ends the handle's PeerConnection, keeping the handle. */
    public void hangup() throws JanusException {
        session.post(url(), Json.createObjectBuilder().add("janus", "hangup"));
    }

    /** Detaches the plugin; harmless when the handle is gone already. */
    public void detach() {
        if (gone.get()) {
            return;
        }
        try {
            session.post(url(), Json.createObjectBuilder().add("janus", "detach"));
        } catch (JanusException e) {
            // Gone with its session: nothing left to detach.
        }
        gone("detached");
    }

    private String url() {
        return session.url() + "/" + id;
    }

    void dispatch(String kind, JsonObject event) {
        switch (kind) {
            case "webrtcup" -> listener.webrtcUp();
            case "media" -> listener.media(event.getString("type", ""), event.getBoolean("receiving", false));
            case "hangup" -> listener.hangup(event.getString("reason", "hangup"));
            case "detached" -> gone("detached by Janus");
            case "event" -> {
                JsonObject plugindata = event.getJsonObject("plugindata");
                listener.event(
                        plugindata == null ? Json.createObjectBuilder().build() : plugindata.getJsonObject("data"),
                        event.getJsonObject("jsep"));
            }
            default -> {
                // slowlink, trickle and the like: nothing the app acts on.
            }
        }
    }

    void gone(String reason) {
        if (!gone.compareAndSet(false, true)) {
            return;
        }
        session.forget(this);
        listener.gone(reason);
    }
}
