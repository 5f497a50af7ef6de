package org.headend.stream.entity;

/** Where a stream is in its life: nobody publishing, transcoder starting, playable, or failing. */
public enum StreamState {
    OFFLINE,
    STARTING,
    LIVE,
    ERROR
}
