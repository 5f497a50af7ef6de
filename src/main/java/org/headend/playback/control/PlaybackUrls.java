package org.headend.playback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.origin.control.OriginStore;
import org.headend.origin.control.StitchedPlaylists;
import org.headend.stream.entity.Stream;

/**
 * The URL a caller plays a stream from: the plain HLS path for a public stream, a path carrying a
 * fresh signed token for a protected one (valid for {@code headend.playback.token-ttl}, 6 h unless
 * set), so that the URL the API or the watch page hands out always works for its caller and a
 * copy of it stops working when it expires.
 */
@ApplicationScoped
public class PlaybackUrls {

    /** Longer lifetimes would make a leaked URL a standing pass; a week covers any broadcast. */
    public static final Duration LONGEST = Duration.ofDays(7);

    @Inject
    HlsUrls endpoints;

    @Inject
    PlaybackSecret secret;

    @Inject
    OriginStore origins;

    @Inject
    @ConfigProperty(name = "headend.playback.token-ttl", defaultValue = "PT6H")
    Duration defaultTtl;

    private final Clock clock = Clock.systemUTC();

    public String url(String requestHost, Stream stream) {
        return url(requestHost, stream, defaultTtl);
    }

    public String url(String requestHost, Stream stream, Duration ttl) {
        // A stream with origins plays from the stitched playlist, whichever origin is active.
        String playlist = StitchedPlaylists.playlist(stream.redundancy() || origins.hasOrigins(stream.id()));
        if (stream.isPublic()) {
            return endpoints.playbackUrl(requestHost, stream.name(), playlist);
        }
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return endpoints.hlsBase(requestHost) + "t/" + PlaybackSigner.token(stream.name(), expires, secret.value())
                + "/" + expires + "/" + stream.name() + "/" + playlist;
    }
}
