package org.headend.webrtc.entity;

/**
 * A run of Janus ended (it died, or froze and was killed): every session, handle, PeerConnection,
 * room and mountpoint it had is gone with it. Fired before Janus is started again, so whoever kept
 * WebRTC sessions or bridges drops them; a new Janus starts empty.
 *
 * @param reason how the run ended, for logs ("exited with code 139", "no progress for 10 s")
 * @param stalled true when the app killed a Janus that had stopped answering
 */
public record JanusRestarted(String reason, boolean stalled) {}
