package org.headend.webrtc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Creates and destroys Janus Streaming mountpoints through one Janus session of the app's own,
 * open only while a mountpoint exists (no viewer, no session: a leak shows at once). Mountpoints
 * are not permanent: they live in Janus's memory, so a Janus that restarts has none, and when this
 * session is lost (Janus died) the owner hears it and drops every feed.
 * Janus chooses the RTP ports (port 0), bound to loopback only, so nobody but the bridge can feed
 * a mountpoint.
 */
@ApplicationScoped
public class Mountpoints {

    static final String PLUGIN = "janus.plugin.streaming";

    @Inject
    JanusClient janus;

    private JanusHandle handle;
    private final Set<Long> live = new HashSet<>();
    private Consumer<String> onLost = reason -> {};

    /** Who hears that Janus lost every mountpoint (it stopped or restarted). */
    public void onLost(Consumer<String> listener) {
        this.onLost = listener;
    }

    public synchronized Mountpoint create(String description) throws JanusException {
        long id = ThreadLocalRandom.current().nextLong(1, 1L << 52);
        PluginReply reply;
        try {
            reply = handle().request(definition(id, description));
        } catch (JanusException e) {
            closeIfUnused();
            throw e;
        }
        live.add(id);
        JsonObject stream = reply.data().getJsonObject("stream");
        JsonArray ports = stream == null ? null : stream.getJsonArray("ports");
        if (ports == null) {
            throw new JanusException(0, "Janus created the mountpoint without telling its ports");
        }
        int video = 0;
        int audio = 0;
        for (JsonObject port : ports.getValuesAs(JsonObject.class)) {
            if (port.getString("type", "").equals("video")) {
                video = port.getInt("port");
            } else if (port.getString("type", "").equals("audio")) {
                audio = port.getInt("port");
            }
        }
        return new Mountpoint(id, video, audio);
    }

    /** Destroys the mountpoint; its viewers' PeerConnections end with it. */
    public synchronized void destroy(Mountpoint mountpoint) throws JanusException {
        if (!live.remove(mountpoint.id())) {
            return;
        }
        try {
            handle().request(Json.createObjectBuilder()
                    .add("request", "destroy")
                    .add("id", mountpoint.id())
                    .build());
        } finally {
            closeIfUnused();
        }
    }

    private void closeIfUnused() {
        if (live.isEmpty()) {
            close();
        }
    }

    /** The Janus 1.1 "media" form: H.264 as browsers take it (packetization mode 1), Opus. */
    static JsonObject definition(long id, String description) {
        return Json.createObjectBuilder()
                .add("request", "create")
                .add("type", "rtp")
                .add("id", id)
                .add("description", description)
                .add("permanent", false)
                .add(
                        "media",
                        Json.createArrayBuilder()
                                .add(media("video", "v", PlayBridge.VIDEO_PT)
                                        .add("codec", "h264")
                                        .add("fmtp", "profile-level-id=42e01f;packetization-mode=1"))
                                .add(media("audio", "a", PlayBridge.AUDIO_PT).add("codec", "opus")))
                .build();
    }

    private static JsonObjectBuilder media(String type, String mid, int payloadType) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("mid", mid)
                .add("iface", "127.0.0.1")
                .add("port", 0)
                .add("pt", payloadType);
    }

    private synchronized JanusHandle handle() throws JanusException {
        if (handle == null || !handle.session().isOpen()) {
            JanusSession session = janus.open();
            try {
                var listener = new HandleListener() {
                    JanusHandle mine;

                    @Override
                    public void gone(String reason) {
                        lost(mine, reason);
                    }
                };
                handle = session.attach(PLUGIN, listener);
                listener.mine = handle;
            } catch (JanusException e) {
                session.close();
                throw e;
            }
        }
        return handle;
    }

    /** The session ended without our closing it: Janus died, and every mountpoint with it. */
    private void lost(JanusHandle which, String reason) {
        synchronized (this) {
            if (which == null || which != handle) {
                return;
            }
            handle = null;
            live.clear();
        }
        onLost.accept(reason);
    }

    /** Ends the app's session (the app stops, or no mountpoint is left). */
    public synchronized void close() {
        if (handle != null) {
            JanusHandle closing = handle;
            handle = null;
            closing.session().close();
        }
    }
}
