package org.headend.stream.entity;

/**
 * An operator pinned a stream to a worker, or (with a null {@code worker}) let Headend place it:
 * a live stream's packagers move at once.
 */
public record StreamWorkerChanged(String streamId, String name, String worker) {}
