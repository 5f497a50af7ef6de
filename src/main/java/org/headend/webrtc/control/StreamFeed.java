package org.headend.webrtc.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * What one stream's WebRTC viewers share: its mountpoint in Janus and the bridge feeding it, made
 * for the first viewer and kept for a linger after the last, so a viewer who reloads the page finds
 * it running. Guarded by its own lock: starting one probes and calls Janus, which must not hold up
 * other streams.
 */
final class StreamFeed {

    final String streamId;
    final String name;
    final Set<String> viewers = ConcurrentHashMap.newKeySet();
    Mountpoint mountpoint;
    PlayBridge bridge;
    ScheduledFuture<?> linger;
    boolean closed;

    StreamFeed(String streamId, String name) {
        this.streamId = streamId;
        this.name = name;
    }

    boolean running() {
        return mountpoint != null;
    }

    void cancelLinger() {
        if (linger != null) {
            linger.cancel(false);
            linger = null;
        }
    }
}
