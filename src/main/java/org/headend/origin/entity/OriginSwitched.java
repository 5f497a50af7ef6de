package org.headend.origin.entity;

import java.time.Instant;

/** Playback of a stream moved from one origin ({@code from} null at first) to another. */
public record OriginSwitched(String streamId, String streamName, String from, String to, SwitchKind kind, Instant at) {}
