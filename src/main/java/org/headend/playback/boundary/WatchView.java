package org.headend.playback.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.headend.playback.control.PlaybackUrls;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.Stream;

/**
 * What the watch page shows: the stream {@link WatchServlet} let the caller watch, with a
 * playback URL signed for this caller now. Request-scoped: the page posts nothing back, and its
 * status is polled from the servlet.
 */
@Named
@RequestScoped
public class WatchView {

    @Inject
    HttpServletRequest request;

    @Inject
    PlaybackUrls playbackUrls;

    @Inject
    LiveStreams live;

    private Stream stream() {
        Object stream = request.getAttribute(WatchServlet.STREAM);
        if (stream == null) {
            throw new IllegalStateException("The watch page is reached through /watch/{name} only");
        }
        return (Stream) stream;
    }

    public String getName() {
        return stream().name();
    }

    public String getPlaybackUrl() {
        return playbackUrls.url(request.getServerName(), stream());
    }

    /**
     * Where the page's "Low latency" choice asks for WebRTC playback (WHEP): on this site, so the
     * viewer's session (or a public stream's openness) authorises it as it does the page.
     */
    public String getWebrtcUrl() {
        return request.getContextPath() + "/whep/" + stream().name();
    }

    public String getState() {
        Stream stream = stream();
        return live.status(stream.id(), stream.name()).state().name();
    }

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }
}
