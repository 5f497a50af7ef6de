package org.headend.worker.control;

import java.time.Duration;
import org.headend.worker.entity.WorkerCapabilities;

/** Asks a linked worker what it can do: ffmpeg's version and H.264 encoders, devices, cores, load. */
public final class CapabilityProbe {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(5);

    private CapabilityProbe() {}

    public static WorkerCapabilities probe(WorkerLink link) throws WorkerLinkException {
        WorkerLink.ExecResult result = link.exec(RemoteCommand.viaSh(CapabilityParser.SCRIPT), PROBE_TIMEOUT);
        return CapabilityParser.parse(result.stdout());
    }

    /** The one-minute load average now (a cheap call, polled while the worker is UP). */
    public static double load(WorkerLink link) throws WorkerLinkException {
        WorkerLink.ExecResult result = link.exec("cat /proc/loadavg", LOAD_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new WorkerLinkException("the worker's load average cannot be read: /proc/loadavg is missing");
        }
        return CapabilityParser.load(result.stdout());
    }
}
