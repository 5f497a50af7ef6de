package org.headend.multicast.entity;

/** Where a multicast sender stands. */
public enum MulticastState {
    /** Its stream is offline: nothing to send. */
    WAITING,
    /** Its source ffmpeg is starting; no datagram has left yet. */
    STARTING,
    /** Datagrams are going out to the group. */
    LIVE,
    /** The source ended or the socket failed; trying again with backoff. */
    RETRYING
}
