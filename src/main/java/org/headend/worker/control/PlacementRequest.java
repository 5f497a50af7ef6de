package org.headend.worker.control;

import java.util.function.Predicate;
import org.headend.worker.entity.WorkerCapabilities;

/**
 * What one packager needs: the stream it works for, the worker an operator pinned it to (null:
 * anywhere), a host to keep away from when another fits (the other packager of a redundant
 * stream), and what a host must be able to do (the encoders its ladder asks for).
 */
public record PlacementRequest(String stream, String pinned, String avoid, Predicate<WorkerCapabilities> capable) {}
