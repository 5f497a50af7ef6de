package org.headend.worker.boundary;

import java.util.function.Consumer;
import org.headend.testing.WorkerHost;

/** The ways {@link WorkersIT} loses a worker host, and how each is undone. */
enum WorkerLoss {
    LINK_CUT(WorkerHost::cutLink, WorkerHost::restoreLink),
    SSHD_KILLED(WorkerHost::killSshd, WorkerHost::restartSshd),
    FROZEN(WorkerHost::freeze, WorkerHost::thaw);

    final Consumer<WorkerHost> lose;
    final Consumer<WorkerHost> undo;

    WorkerLoss(Consumer<WorkerHost> lose, Consumer<WorkerHost> undo) {
        this.lose = lose;
        this.undo = undo;
    }
}
