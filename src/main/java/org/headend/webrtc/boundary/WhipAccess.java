package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.webrtc.control.GoLiveTokens;
import org.headend.webrtc.control.IceServers;
import org.headend.webrtc.control.WhipPublishers;

/**
 * Who may publish what over WHIP: the Bearer is a stream key (found by its hash, as RTMP's
 * on_publish does) or a console go-live token; a stream taking SRT/UDP input, or live already,
 * takes no WHIP publisher. Also the ICE servers a publisher is told of.
 */
@ApplicationScoped
public class WhipAccess {

    @Inject
    StreamStore streams;

    @Inject
    LiveStreams live;

    @Inject
    GoLiveTokens tokens;

    @Inject
    WhipPublishers publishers;

    @Inject
    IceServers iceServers;

    /** The stream the Bearer may publish, without using a go-live token up. */
    Optional<Stream> streamFor(String bearer) {
        if (bearer == null || bearer.isBlank()) {
            return Optional.empty();
        }
        if (GoLiveTokens.isToken(bearer)) {
            return tokens.peek(bearer).flatMap(streams::find);
        }
        return streams.forKey(bearer);
    }

    /** Why the stream cannot take a WHIP publisher now, if it cannot. */
    Optional<String> whyNotNow(Stream stream) {
        if (stream.input().type().listens()) {
            return Optional.of("The stream takes its input over "
                    + stream.input().type().name() + "; change its input to RTMP to publish over WHIP.");
        }
        if (publishers.publishes(stream.id()) || live.live(stream.id()).isPresent()) {
            return Optional.of("The stream is already live.");
        }
        return Optional.empty();
    }

    /** Uses a go-live token up (false when another request got there first); keys are not used up. */
    boolean useUp(String bearer) {
        return !GoLiveTokens.isToken(bearer) || tokens.redeem(bearer).isPresent();
    }

    /** RFC 9725 §4.6: the STUN/TURN servers, as {@code Link} header values. */
    List<String> iceServerLinks() {
        return iceServers.linkHeaders();
    }
}
