package org.headend.webrtc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Creates and destroys Janus Streaming mountpoints through one Janus session of the app's own.
 * Mountpoints are not permanent: they live in Janus's memory, so a Janus that restarts has none,
 * and when this session is lost (Janus died) the owner hears it and drops every feed.
 * Janus chooses the RTP ports (port 0), bound to loopback only, so nobody but the bridge can feed
 * a mountpoint.
 */
@ApplicationScoped
public class Mountpoints {

    static final String PLUGIN = "janus.plugin.streaming";

    @Inject
    JanusClient janus;

    private JanusHandle handle;
    private Consumer<String> onLost = reason -> {};

    /** Who hears that Janus lost every mountpoint (it stopped or restarted). */
    public void onLost(Consumer<String> listener) {
        this.onLost = listener;
    }

    public Mountpoint create(String description) throws JanusException {
        long id = ThreadLocalRandom.current().nextLong(1, 1L << 52);
        PluginReply reply = handle().request(definition(id, description));
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
    public void destroy(Mountpoint mountpoint) throws JanusException {
        handle().request(Json.createObjectBuilder()
                .add("request", "destroy")
                .add("id", mountpoint.id())
                .build());
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
                handle = session.attach(PLUGIN, new HandleListener() {
                    @Override
                    public void gone(String reason) {
                        lost(reason);
                    }
                });
            } catch (JanusException e) {
                session.close();
                throw e;
            }
        }
        return handle;
    }

    private void lost(String reason) {
        synchronized (this) {
            handle = null;
        }
        onLost.accept(reason);
    }

    /** The app stops: its session goes, and the mountpoints with it. */
    public synchronized void close() {
        if (handle != null) {
            JanusHandle closing = handle;
            handle = null;
            closing.session().close();
        }
    }
}
