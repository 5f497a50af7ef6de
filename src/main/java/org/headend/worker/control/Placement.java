package org.headend.worker.control;

import org.headend.platform.process.Launcher;
import org.headend.worker.entity.WorkerCapabilities;

/**
 * Where one packager runs: the host's name ({@code local} for this node), its launcher, what it
 * can do, and the address it reaches this node at (null on the node itself, which reads and
 * writes locally).
 */
public record Placement(String host, Launcher launcher, WorkerCapabilities capabilities, String nodeAddress) {

    public boolean local() {
        return nodeAddress == null;
    }
}
