package org.headend.playback.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.playback.control.ViewerLog;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;

/** {@code headend_viewers{stream}} while a stream is on air, labelled by its public name only. */
@ApplicationScoped
public class ViewerMetrics {

    static final String VIEWERS = "headend_viewers";

    @Inject
    MetricRegistry metrics;

    @Inject
    ViewerLog viewers;

    void onStateChange(@Observes StreamStateChanged change) {
        Tag stream = new Tag("stream", change.name());
        if (change.from() == StreamState.OFFLINE) {
            String name = change.name();
            metrics.gauge(
                    Metadata.builder()
                            .withName(VIEWERS)
                            .withDescription("Players that fetched one of the stream's playlists in the last few "
                                    + "target durations")
                            .build(),
                    viewers,
                    v -> v.viewers(name),
                    stream);
        } else if (change.to() == StreamState.OFFLINE) {
            metrics.remove(new MetricID(VIEWERS, stream));
            viewers.forget(change.name());
        }
    }
}
