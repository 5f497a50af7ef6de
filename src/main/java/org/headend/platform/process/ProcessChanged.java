package org.headend.platform.process;

/** A process of a stream's work moved: fired for every move, so consoles can push it. */
public record ProcessChanged(String streamId, String role, ProcessSnapshot now) {}
