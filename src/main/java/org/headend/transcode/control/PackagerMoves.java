package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.headend.stream.entity.StreamWorkerChanged;
import org.headend.worker.entity.WorkerDown;
import org.headend.worker.entity.WorkerDrained;

/**
 * Moves packagers when their host goes: a worker lost or drained has its packagers placed again
 * elsewhere at once, and a live stream an operator pins to a worker moves there. A worker that
 * comes back takes new work only: nothing is moved back unless an operator pins it.
 */
@ApplicationScoped
public class PackagerMoves {

    @Inject
    TranscoderSupervisor transcoders;

    void lost(@Observes WorkerDown down) {
        transcoders.moveOff(down.name());
    }

    void drained(@Observes WorkerDrained drained) {
        transcoders.moveOff(drained.name());
    }

    void pinned(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamWorkerChanged change) {
        transcoders.pin(change.streamId(), change.worker());
    }
}
