package org.headend.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.headend.ingest.control.PublishAuthorizer;
import org.headend.stream.entity.PublisherDisconnectRequested;

/** Cuts a live stream's publisher when the stream asks for it (a forced deletion). */
@ApplicationScoped
public class ForcedDisconnects {

    @Inject
    PublishAuthorizer publishing;

    void disconnect(@Observes PublisherDisconnectRequested request) {
        publishing.endPublishing(request.streamId(), request.name());
    }
}
