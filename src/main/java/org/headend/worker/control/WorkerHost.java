package org.headend.worker.control;

import org.headend.platform.process.Launcher;
import org.headend.worker.entity.WorkerCapabilities;

/**
 * A linked worker that can take jobs: its name, slots, capabilities, the launcher that runs
 * programs on it, the address the worker reaches this node at ({@code nodeAddress}: the local end
 * of its SSH link, or {@code headend.workers.node-address}) and the address this node sees it
 * from ({@code workerAddress}: the remote end of the link).
 */
public record WorkerHost(
        String name,
        int slots,
        WorkerCapabilities capabilities,
        Launcher launcher,
        String nodeAddress,
        String workerAddress) {}
