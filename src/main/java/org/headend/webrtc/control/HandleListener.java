package org.headend.webrtc.control;

import jakarta.json.JsonObject;

/**
 * What Janus tells about one plugin handle, from the session's long poll. Called on the poll's
 * thread: keep the work short, hand anything slow to an executor.
 */
public interface HandleListener {

    /** The PeerConnection is up (ICE and DTLS done). */
    default void webrtcUp() {}

    /** Media of a kind ("audio", "video") started or stopped arriving. */
    default void media(String type, boolean receiving) {}

    /** The PeerConnection ended (ICE failed, DTLS alert, closed by the peer or by a request). */
    default void hangup(String reason) {}

    /** A plugin event not answering a request of ours (e.g. a publisher's "unpublished"). */
    default void event(JsonObject data, JsonObject jsep) {}

    /** The handle or its whole session is gone: detached, timed out, or Janus stopped. */
    default void gone(String reason) {}

    HandleListener NONE = new HandleListener() {};
}
