package org.headend.origin.entity;

/** The health of a stream's origins or the one in use changed: consoles showing the stream refresh. */
public record OriginsChanged(String streamId, String streamName) {}
