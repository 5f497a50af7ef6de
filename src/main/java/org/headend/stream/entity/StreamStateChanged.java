package org.headend.stream.entity;

import java.time.Instant;

/** Fired whenever a stream moves from one state to another; push and metrics observe it. */
public record StreamStateChanged(String streamId, String name, StreamState from, StreamState to, Instant at) {}
