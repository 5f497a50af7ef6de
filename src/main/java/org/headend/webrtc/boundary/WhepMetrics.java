package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.webrtc.control.WebRtcViewers;

/**
 * {@code headend_webrtc_viewers{stream}} while a stream is on air (by its public name only), and
 * {@code headend_webrtc_sessions_total{kind="play",result}}: every result registered at start, so
 * a rate of refusals or failures can be alerted on from the first scrape. WHIP counts
 * {@code kind="publish"} in the same metric, with the same metadata.
 */
@ApplicationScoped
public class WhepMetrics {

    static final String VIEWERS = "headend_webrtc_viewers";
    static final String SESSIONS = "headend_webrtc_sessions_total";

    /** The player answered and Janus started the media. */
    public static final String OK = "ok";
    /** No or wrong credentials, or a signed-in session used from another site. */
    public static final String REFUSED = "refused";
    /** A malformed or oversized request, or another content type than SDP. */
    public static final String INVALID = "invalid";
    /** No such stream, or it is not on air. */
    public static final String NOT_FOUND = "not_found";
    /** Janus could not be reached, refused, or did not answer in time. */
    public static final String FAILED = "failed";

    private static final List<String> RESULTS = List.of(OK, REFUSED, INVALID, NOT_FOUND, FAILED);
    private static final Tag PLAY = new Tag("kind", "play");

    @Inject
    MetricRegistry metrics;

    @Inject
    WebRtcViewers viewers;

    private final Metadata sessions = Metadata.builder()
            .withName(SESSIONS)
            .withDescription("WebRTC sessions by kind and outcome")
            .build();

    /** Made with the application, so every result shows at 0 from the first scrape. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        RESULTS.forEach(result -> metrics.counter(sessions, PLAY, new Tag("result", result)));
    }

    public void count(String result) {
        metrics.counter(sessions, PLAY, new Tag("result", result)).inc();
    }

    void onStateChange(@Observes StreamStateChanged change) {
        Tag stream = new Tag("stream", change.name());
        if (change.from() == StreamState.OFFLINE) {
            String id = change.streamId();
            metrics.gauge(
                    Metadata.builder()
                            .withName(VIEWERS)
                            .withDescription("WebRTC viewers of the stream (WHEP and the watch page's Low latency)")
                            .build(),
                    viewers,
                    v -> v.viewers(id),
                    stream);
        } else if (change.to() == StreamState.OFFLINE) {
            metrics.remove(new MetricID(VIEWERS, stream));
        }
    }
}
