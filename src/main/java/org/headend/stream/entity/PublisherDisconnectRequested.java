package org.headend.stream.entity;

/**
 * Asks ingest to take a live stream offline and cut its publisher, as a forced deletion does.
 * Fired synchronously: the publisher is gone before the stream's deletion goes on.
 */
public record PublisherDisconnectRequested(String streamId, String name) {}
