package org.headend.ingest.control;

import java.util.Optional;
import org.headend.stream.entity.Stream;

/**
 * What becomes of a publisher that an external nginx-rtmp still holds when the app starts: it
 * outlived the app's restart, and nothing of this run knows it yet.
 */
public enum Adoption {
    /** A stream of ours that takes RTMP: it goes live again as after a fresh publish. */
    ADOPT,
    /** This run already took it in through on_publish. */
    KEEP,
    /** Nothing of ours would transcode it, and it holds the name: disconnect it. */
    DROP;

    /** {@code stream}: the stream of the publisher's (public) name, if any; {@code live}: whether it is live in this run. */
    static Adoption of(Optional<Stream> stream, boolean live) {
        if (stream.isEmpty()) {
            return DROP;
        }
        if (live) {
            return KEEP;
        }
        // An SRT/UDP stream's publisher is the relay of the run before, under a one-off key. This
        // run's listener publishes anew when a sender comes: adopting the old one would double it,
        // and leaving it connected would make nginx refuse the new one.
        return stream.get().input().type().listens() ? DROP : ADOPT;
    }
}
