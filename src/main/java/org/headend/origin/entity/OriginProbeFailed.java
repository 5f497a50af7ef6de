package org.headend.origin.entity;

/** A probe of an origin got no usable playlist; {@code errorClass} is 5xx, 4xx, timeout, connection or invalid. */
public record OriginProbeFailed(String streamId, String streamName, String origin, String errorClass) {}
