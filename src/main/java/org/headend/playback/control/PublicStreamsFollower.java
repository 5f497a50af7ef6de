package org.headend.playback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.stream.entity.StreamVisibilityChanged;

/**
 * Keeps nginx's public markers in step with the catalogue once a change is committed: a change
 * that rolls back must not open (or close) a stream to players.
 */
@ApplicationScoped
public class PublicStreamsFollower {

    @Inject
    PublicStreams publicStreams;

    void visibilityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamVisibilityChanged change) {
        publicStreams.mark(change.name(), change.open());
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.DELETED) {
            publicStreams.mark(change.name(), false);
        }
    }
}
