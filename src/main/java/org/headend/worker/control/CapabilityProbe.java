package org.headend.worker.control;

import org.headend.worker.entity.WorkerCapabilities;

/** Asks a linked worker what it can do: ffmpeg's version and H.264 encoders, devices, cores, load. */
public final class CapabilityProbe {

    private CapabilityProbe() {}

    public static WorkerCapabilities probe(WorkerLink link) throws WorkerLinkException {
        throw new UnsupportedOperationException("capability probe: to be built");
    }

    /** The one-minute load average now (a cheap call, polled while the worker is UP). */
    public static double load(WorkerLink link) throws WorkerLinkException {
        throw new UnsupportedOperationException("capability probe: to be built");
    }
}
