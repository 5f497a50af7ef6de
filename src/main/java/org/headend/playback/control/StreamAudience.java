package org.headend.playback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.headend.stream.control.Audience;
import org.headend.stream.entity.Stream;

/** Playback's side of the stream's {@link Audience} port: signed URLs and viewer counts. */
@ApplicationScoped
public class StreamAudience implements Audience {

    @Inject
    PlaybackUrls urls;

    @Inject
    ViewerLog viewers;

    @Override
    public String playbackUrl(String requestHost, Stream stream, String ttl) {
        return ttl == null ? urls.url(requestHost, stream) : urls.url(requestHost, stream, PlaybackTtl.parse(ttl));
    }

    @Override
    public int viewers(String streamName) {
        return viewers.viewers(streamName);
    }
}
