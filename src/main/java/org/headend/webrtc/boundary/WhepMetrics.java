package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
    /** The player answered and Janus started the media. */
    public static final String OK = WebRtcSessionCounter.ACCEPTED;
    /** No or wrong credentials, or a signed-in session used from another site. */
    public static final String REFUSED = WebRtcSessionCounter.UNAUTHORIZED;
    /** A malformed or oversized request, or another content type than SDP. */
    public static final String INVALID = WebRtcSessionCounter.INVALID;
    /** No such stream, or it is not on air. */
    public static final String NOT_FOUND = WebRtcSessionCounter.NOT_FOUND;
    /** Janus could not be reached, refused, or did not answer in time. */
    public static final String FAILED = WebRtcSessionCounter.FAILED;

    private static final String PLAY = "play";

    @Inject
    MetricRegistry metrics;

    @Inject
    WebRtcViewers viewers;

    /** Made with the application, so every result shows at 0 from the first scrape. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        WebRtcSessionCounter.register(metrics, PLAY);
    }

    public void count(String result) {
        WebRtcSessionCounter.count(metrics, PLAY, result);
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
