package org.headend.webrtc.control;

/** A Janus Streaming mountpoint the app created: its id and the loopback ports its RTP arrives on. */
public record Mountpoint(long id, int videoPort, int audioPort) {}
