package org.headend.multicast.entity;

import java.time.Instant;

/** Fired whenever a sender moves from one state to another; console push and metrics observe it. */
public record MulticastStateChanged(
        String senderId,
        String streamId,
        String streamName,
        MulticastState from,
        MulticastState to,
        String lastError,
        Instant at) {}
