package org.headend.multicast.entity;

/**
 * A running sender's figures, fired every second; metrics turn the running totals into counters.
 * {@code destination} is {@code group:port}, the sender's label: it is not secret.
 */
public record MulticastFigures(String senderId, String streamName, String destination, MulticastStatus status) {}
