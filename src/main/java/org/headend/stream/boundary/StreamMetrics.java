package org.headend.stream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.stream.entity.TranscoderRestarted;

/**
 * Publishes stream figures as metrics: counts of live and failing streams, and, while a stream is
 * on air, its input rate and transcoder speed labelled by its public name (never by its key).
 */
@ApplicationScoped
public class StreamMetrics {

    static final String LIVE = "headend_streams_live";
    static final String ERROR = "headend_streams_error";
    static final String INPUT_BITRATE = "headend_stream_input_bytes_per_second";
    static final String SPEED = "headend_transcoder_speed";
    static final String RESTARTS = "headend_transcoder_restarts";

    @Inject
    MetricRegistry metrics;

    @Inject
    LiveStreams live;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(describe(LIVE, "Streams that are live (playable)"), live, l -> l.count(StreamState.LIVE));
        metrics.gauge(describe(ERROR, "Streams whose transcoder is failing"), live, l -> l.count(StreamState.ERROR));
    }

    void onStateChange(@Observes StreamStateChanged change) {
        Tag stream = new Tag("stream", change.name());
        if (change.from() == StreamState.OFFLINE) {
            String id = change.streamId();
            metrics.gauge(
                    describe(
                            INPUT_BITRATE,
                            "Incoming rate of a live stream's publisher in bytes per second (times 8: its bitrate)"),
                    live,
                    // Bytes, the base unit Prometheus asks for (promtool refuses bits).
                    l -> l.live(id).map(s -> s.input().bitrateKbps() * 1000 / 8).orElse(0L),
                    stream);
            metrics.gauge(
                    describe(SPEED, "Transcoder speed relative to real time (1.0 keeps up)"),
                    live,
                    l -> l.live(id).map(s -> s.transcoder().speed()).orElse(0.0),
                    stream);
        } else if (change.to() == StreamState.OFFLINE) {
            metrics.remove(new MetricID(INPUT_BITRATE, stream));
            metrics.remove(new MetricID(SPEED, stream));
        }
    }

    void onRestart(@Observes TranscoderRestarted restart) {
        metrics.counter(
                        describe(RESTARTS, "Transcoder restarts after ffmpeg died under a live publisher"),
                        new Tag("stream", restart.name()))
                .inc();
    }

    private static Metadata describe(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
