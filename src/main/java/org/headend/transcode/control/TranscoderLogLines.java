package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.headend.stream.control.TranscoderLogs;
import org.headend.stream.entity.StreamCatalogChanged;

/**
 * Transcode's side of the stream's {@link TranscoderLogs} port, and the clean-up of a deleted
 * stream's HLS folder once its deletion is committed.
 */
@ApplicationScoped
public class TranscoderLogLines implements TranscoderLogs {

    @Inject
    TranscoderSupervisor transcoders;

    @Override
    public Optional<List<String>> log(String streamId) {
        return transcoders.log(streamId);
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.DELETED) {
            transcoders.removeOutput(change.name());
        }
    }
}
