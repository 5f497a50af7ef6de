package org.headend.stream.entity;

/** A stream now plays without a token ({@code open}) or only with one. */
public record StreamVisibilityChanged(String streamId, String name, boolean open) {}
