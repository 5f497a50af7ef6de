package org.headend.testing;

import java.util.function.Consumer;

/**
 * The ways the workers' tests and benches (WorkersIT, WorkerFailoverBench) lose a worker host, and
 * how each is undone. Only a lost sshd leaves the host able to push media to the node.
 */
public enum WorkerLoss {
    LINK_CUT(WorkerHost::cutLink, WorkerHost::restoreLink, false),
    SSHD_KILLED(WorkerHost::killSshd, WorkerHost::restartSshd, true),
    FROZEN(WorkerHost::freeze, WorkerHost::thaw, false);

    public final Consumer<WorkerHost> lose;
    public final Consumer<WorkerHost> undo;
    /** Whether what already runs on the lost host can still reach the node (its ffmpeg, pushing segments). */
    public final boolean stillReachesTheNode;

    WorkerLoss(Consumer<WorkerHost> lose, Consumer<WorkerHost> undo, boolean stillReachesTheNode) {
        this.lose = lose;
        this.undo = undo;
        this.stillReachesTheNode = stillReachesTheNode;
    }

    /** The loss's name in bench output: {@code link-cut}, {@code sshd-killed}, {@code frozen}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
