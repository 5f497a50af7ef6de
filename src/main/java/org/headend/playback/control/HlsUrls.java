package org.headend.playback.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HLS addresses players are given: they follow the host the caller used unless
 * {@code headend.public.hls-url} pins them (behind a proxy or a CDN).
 */
@ApplicationScoped
public class HlsUrls {

    @Inject
    @ConfigProperty(name = "headend.hls.port", defaultValue = "8081")
    int hlsPort;

    @Inject
    @ConfigProperty(name = "headend.public.hls-url")
    Optional<String> publicHlsUrl;

    /**
     * The URL players use for a stream's playlist at {@code playlist} below the stream's HLS
     * folder (a stream with origins is played from the stitched {@code failover/master.m3u8}).
     */
    public String playbackUrl(String requestHost, String name, String playlist) {
        return hlsBase(requestHost) + name + "/" + playlist;
    }

    /** Where players reach the HLS origin, ending in a slash. */
    public String hlsBase(String requestHost) {
        String base = publicHlsUrl.filter(u -> !u.isBlank()).orElse("http://" + requestHost + ":" + hlsPort + "/hls");
        return base.endsWith("/") ? base : base + "/";
    }
}
