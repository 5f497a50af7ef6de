package org.headend.webrtc.boundary;

import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code headend_webrtc_sessions_total{kind,result}}: WHIP ({@code kind="publish"}) and WHEP
 * ({@code kind="play"}) attempts by outcome, one family with one metadata for both. Results:
 * accepted, unauthorized, invalid (a malformed or refused request), refused (a publisher on a
 * live stream, a player on one off air), not_found, failed (Janus or the bridge).
 */
final class WebRtcSessionCounter {

    static final String ACCEPTED = "accepted";
    static final String UNAUTHORIZED = "unauthorized";
    static final String INVALID = "invalid";
    static final String REFUSED = "refused";
    static final String NOT_FOUND = "not_found";
    static final String FAILED = "failed";

    private static final List<String> RESULTS = List.of(ACCEPTED, UNAUTHORIZED, INVALID, REFUSED, NOT_FOUND, FAILED);

    /** Exported with Prometheus's {@code _total} suffix, as every counter of the app. */
    private static final Metadata SESSIONS = Metadata.builder()
            .withName("headend_webrtc_sessions")
            .withDescription("WebRTC sessions by kind and outcome")
            .build();

    private WebRtcSessionCounter() {}

    /** Every result at 0 from the first scrape, so a rate of refusals can be alerted on at once. */
    static void register(MetricRegistry metrics, String kind) {
        RESULTS.forEach(result -> metrics.counter(SESSIONS, new Tag("kind", kind), new Tag("result", result)));
    }

    static void count(MetricRegistry metrics, String kind, String result) {
        metrics.counter(SESSIONS, new Tag("kind", kind), new Tag("result", result))
                .inc();
    }
}
