package org.headend.webrtc.control;

import jakarta.json.Json;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.headend.platform.SecureTokens;

/**
 * One WebRTC viewer of one stream: a Janus session of its own watching the stream's mountpoint.
 * Janus 1.1.2's Streaming plugin only offers, so the viewer gets Janus's offer first and sends its
 * answer after ({@link #answer}). Its resource id is the unguessable name the player holds it by.
 * Janus's end of it (hangup, handle or session gone) is reported to the owner, which lets it go.
 */
public final class WhepViewer implements HandleListener {

    private final String resource = SecureTokens.urlSafe(18);
    private final String streamId;
    private final Instant since = Instant.now();
    private final BiConsumer<WhepViewer, String> ended;
    private JanusSession session;
    private JanusHandle handle;
    private String offer;
    private volatile boolean answered;
    private volatile boolean connected;

    WhepViewer(String streamId, BiConsumer<WhepViewer, String> ended) {
        this.streamId = streamId;
        this.ended = ended;
    }

    /** Opens the viewer's session and asks Janus for its offer of the mountpoint. */
    void watch(JanusClient janus, Mountpoint mountpoint) throws JanusException {
        session = janus.open();
        try {
            handle = session.attach(Mountpoints.PLUGIN, this);
            PluginReply reply = handle.request(
                    Json.createObjectBuilder()
                            .add("request", "watch")
                            .add("id", mountpoint.id())
                            .build(),
                    null,
                    JanusHandle.ANSWER_TIMEOUT);
            if (reply.sdp() == null) {
                throw new JanusException(0, "Janus sent no offer for the mountpoint");
            }
            offer = reply.sdp();
        } catch (JanusException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The player's answer to Janus's offer: the media starts flowing once ICE and DTLS are done. */
    void answer(String sdp) throws JanusException {
        handle.request(
                Json.createObjectBuilder().add("request", "start").build(),
                Json.createObjectBuilder().add("type", "answer").add("sdp", sdp).build(),
                JanusHandle.ANSWER_TIMEOUT);
        answered = true;
    }

    /** Ends the viewer in Janus (its session and PeerConnection). */
    void close() {
        if (session != null) {
            session.close();
        }
    }

    public String resource() {
        return resource;
    }

    public String streamId() {
        return streamId;
    }

    public String offer() {
        return offer;
    }

    public Instant since() {
        return since;
    }

    public boolean answered() {
        return answered;
    }

    public boolean connected() {
        return connected;
    }

    @Override
    public void webrtcUp() {
        connected = true;
    }

    @Override
    public void hangup(String reason) {
        ended.accept(this, "hangup: " + reason);
    }

    @Override
    public void gone(String reason) {
        ended.accept(this, reason);
    }
}
