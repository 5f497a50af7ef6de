package org.headend.stream.control;

import org.headend.stream.entity.Stream;

/** How a stream is played and by how many; playback owns both and implements this port. */
public interface Audience {

    /**
     * The URL the caller plays the stream from; for a protected stream signed for {@code ttl}
     * seconds (as text, checked by playback) or the default when it is null.
     */
    String playbackUrl(String requestHost, Stream stream, String ttl);

    int viewers(String streamName);
}
