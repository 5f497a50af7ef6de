package org.headend.webrtc.control;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.headend.platform.SecureTokens;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSnapshot;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessState;
import org.headend.platform.process.Progress;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.platform.process.SupervisedProcess;

/**
 * One WHIP publishing session: a Janus session with a VideoRoom handle publishing into a private
 * room of its own, the room's RTP forwarded to local ports, and a bridge ffmpeg that publishes it
 * to nginx-rtmp under a relay key. It ends once, for whatever reason comes first (DELETE, the
 * PeerConnection's hangup, Janus gone, the bridge given up, the stream deleted), and ending undoes
 * everything it set up: the bridge stops (nginx then ends the stream's publish), the room and the
 * Janus session are destroyed, the relay key is revoked.
 */
public final class WhipPublisher implements HandleListener, ProcessListener {

    private static final Logger LOG = Logger.getLogger(WhipPublisher.class.getName());

    /** A bridge that fails three times in a row cannot keep the stream up: the session ends. */
    static final RestartPolicy BRIDGE_RESTART =
            new RestartPolicy(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4)), Duration.ofSeconds(20), 3);

    /** RTP stopping for this long means the publisher has gone without a word. */
    static final Duration BRIDGE_STALL = Duration.ofSeconds(10);

    /**
     * ffmpeg honours one SIGTERM only between packets: once the RTP has stopped (the publisher or
     * Janus gone first, the usual case) it waits on its input until killed. Killing it loses
     * nothing: FLV over RTMP needs no trailer, and nginx-rtmp ends the publish when the socket closes.
     */
    static final Duration BRIDGE_STOP_GRACE = Duration.ofSeconds(1);

    private final String id = SecureTokens.urlSafe(16);
    private final String etag = "\"" + SecureTokens.urlSafe(9) + "\"";
    private final String streamId;
    private final String streamName;
    private final String bearerHash;
    private final WhipOffer offer;
    private final WhipPublishers owner;

    private volatile JanusSession session;
    private volatile JanusHandle handle;
    private volatile long room;
    private volatile String relayKey;
    private volatile Path sdpFile;
    private volatile RtpPorts ports;
    private volatile SupervisedProcess bridge;
    private volatile boolean connected;
    private volatile long lastFrames;
    private volatile boolean ended;

    WhipPublisher(String streamId, String streamName, String bearer, WhipOffer offer, WhipPublishers owner) {
        this.streamId = streamId;
        this.streamName = streamName;
        this.bearerHash = SecureTokens.sha256Hex(bearer);
        this.offer = offer;
        this.owner = owner;
    }

    public String id() {
        return id;
    }

    public String etag() {
        return etag;
    }

    public String streamId() {
        return streamId;
    }

    public WhipOffer offer() {
        return offer;
    }

    public boolean connected() {
        return connected;
    }

    /** Whether a request carries the bearer this session was opened with (compared by hash). */
    public boolean openedWith(String bearer) {
        return bearer != null
                && MessageDigest.isEqual(
                        bearerHash.getBytes(StandardCharsets.UTF_8),
                        SecureTokens.sha256Hex(bearer).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets the session up and returns Janus's answer SDP. On any failure what was set up so far is
     * undone before the exception leaves.
     */
    String start() throws JanusException, IOException {
        try {
            session = owner.janus.open();
            handle = session.attach("janus.plugin.videoroom", this);
            room = ThreadLocalRandom.current().nextLong(1, 1L << 52);
            handle.request(PublishRoom.create(room));
            PluginReply joined =
                    handle.request(PublishRoom.join(room), PublishRoom.offer(offer), JanusHandle.ANSWER_TIMEOUT);
            if (!joined.hasJsep()) {
                throw new JanusException(0, "Janus answered the offer without an SDP");
            }
            startBridge(joined.data());
            return joined.sdp();
        } catch (JanusException | IOException | RuntimeException e) {
            end("setup failed: " + e.getMessage());
            throw e;
        }
    }

    private void startBridge(JsonObject joined) throws JanusException, IOException {
        ports = RtpPorts.take();
        sdpFile = owner.sdpDirectory().resolve(id + ".sdp");
        Files.writeString(sdpFile, PublishBridge.sdp(ports, offer.audio()));
        relayKey = owner.relayKeys.issue(streamId);
        String key = relayKey;
        var command = PublishBridge.command(
                owner.tools.ffmpeg(), sdpFile, offer.audio(), owner.endpoints.internalPublishUrl(key));
        var spec = ProcessSpec.of("whip-" + id, command)
                .withRestart(BRIDGE_RESTART)
                .withWatch(ProgressWatch.PROGRESS_BLOCKS_ONCE_FLOWING, BRIDGE_STALL)
                .withMask(line -> line.replace(key, "***"))
                .withStopGrace(BRIDGE_STOP_GRACE)
                .partOf(streamId, ProcessRoles.WHIP_BRIDGE);
        bridge = owner.processes.supervise(spec, this);
        bridge.start();
        handle.request(PublishRoom.forward(room, joined, ports, offer.audio()));
    }

    /** Hands the publisher's trickled candidates to Janus. */
    public void trickle(TrickleFragment fragment) throws JanusException {
        JanusHandle h = handle;
        if (h == null || ended) {
            throw new JanusException(0, "the session has ended");
        }
        if (!fragment.candidates().isEmpty()) {
            h.trickle(fragment.candidates());
        }
        if (fragment.completed()) {
            h.trickleCompleted();
        }
    }

    /** Asks the publisher for a keyframe, so the bridge starts on one rather than after a GOP. */
    void requestKeyframe() {
        JanusHandle h = handle;
        if (h == null || ended) {
            return;
        }
        try {
            h.request(PublishRoom.keyframe());
        } catch (JanusException e) {
            LOG.fine(() -> "Keyframe request for stream " + streamName + " failed: " + e.getMessage());
        }
    }

    /** Ends the session, once; later calls do nothing. */
    public void end(String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        LOG.info(() -> "WHIP session of stream " + streamName + " ends: " + reason);
        owner.forget(this);
        owner.relayKeys.revoke(relayKey);
        if (bridge != null) {
            bridge.stop();
        }
        if (handle != null && session != null && session.isOpen()) {
            try {
                handle.request(PublishRoom.destroy(room));
            } catch (JanusException e) {
                LOG.fine(() -> "Room of a WHIP session was gone already: " + e.getMessage());
            }
        }
        if (session != null) {
            session.close();
        }
        if (sdpFile != null) {
            try {
                Files.deleteIfExists(sdpFile);
            } catch (IOException e) {
                LOG.fine(() -> "Could not delete a bridge's SDP file: " + e.getMessage());
            }
        }
    }

    boolean ended() {
        return ended;
    }

    // Janus's news, on its poll thread: anything that calls Janus back goes to the executor.

    @Override
    public void webrtcUp() {
        connected = true;
        owner.later(this::requestKeyframe);
    }

    @Override
    public void hangup(String reason) {
        owner.later(() -> end("the publisher's connection ended (" + reason + ")"));
    }

    @Override
    public void gone(String reason) {
        owner.later(() -> end("Janus dropped the session (" + reason + ")"));
    }

    // The bridge's news.

    @Override
    public void started(LaunchedProcess run) {
        lastFrames = 0;
        owner.whenBound(ports.video(), this::requestKeyframe);
    }

    /** Only frames that arrive are progress: ffmpeg reports on while the RTP has stopped. */
    @Override
    public boolean progress(Progress progress) {
        long before = lastFrames;
        lastFrames = progress.frames();
        return progress.frames() > before;
    }

    @Override
    public void changed(ProcessSnapshot now) {
        if (now.state() == ProcessState.FAILED) {
            owner.later(() -> end("the bridge to nginx-rtmp failed: " + now.lastError()));
        }
    }
}
