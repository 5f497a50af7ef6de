package org.headend.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.SecureTokens;

/**
 * Where nginx-rtmp and the app reach each other, and the RTMP URL users publish to: it follows the
 * host the caller used unless {@code headend.public.rtmp-url} pins it (behind a proxy). The HLS
 * URLs players get are playback's ({@code HlsUrls}).
 */
@ApplicationScoped
public class IngestEndpoints {

    public static final String APPLICATION = "live";

    @Inject
    @ConfigProperty(name = "headend.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "headend.rtmp.port", defaultValue = "1935")
    int rtmpPort;

    @Inject
    @ConfigProperty(name = "headend.hls.port", defaultValue = "8081")
    int hlsPort;

    @Inject
    @ConfigProperty(name = "headend.nginx.host", defaultValue = "127.0.0.1")
    String nginxHost;

    @Inject
    @ConfigProperty(name = "headend.public.rtmp-url")
    Optional<String> publicRtmpUrl;

    @Inject
    @ConfigProperty(name = "headend.hooks.secret")
    Optional<String> configuredHookSecret;

    private String hookSecret;

    @PostConstruct
    void init() {
        hookSecret = configuredHookSecret.filter(s -> !s.isBlank()).orElseGet(() -> SecureTokens.urlSafe(24));
    }

    public int rtmpPort() {
        return rtmpPort;
    }

    public int hlsPort() {
        return hlsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String nginxHost() {
        return nginxHost;
    }

    /** Where the transcoder pulls a stream from, by its public name. */
    public String internalPlayUrl(String name) {
        return "rtmp://" + nginxHost + ":" + rtmpPort + "/" + APPLICATION + "/" + name;
    }

    /** Where Headend's own SRT/UDP listeners publish what they receive, under a relay key. */
    public String internalPublishUrl(String relayKey) {
        return internalPlayUrl(relayKey);
    }

    /** nginx's HTTP side as Headend reaches it: statistics and control. */
    public String nginxHttpBase() {
        return "http://" + nginxHost + ":" + hlsPort;
    }

    public String ingestUrl(String requestHost) {
        return publicRtmpUrl
                .filter(u -> !u.isBlank())
                .orElse("rtmp://" + requestHost + ":" + rtmpPort + "/" + APPLICATION);
    }

    /** The host encoders reach this node by: the public RTMP URL's host when one is set. */
    public String publicHost(String requestHost) {
        return publicRtmpUrl
                .filter(u -> !u.isBlank())
                .map(u -> java.net.URI.create(u).getHost())
                .filter(h -> h != null)
                .orElse(requestHost);
    }

    /**
     * Where Headend's own ffmpeg (outputs) reads a stream's HLS: a path nginx serves to this machine
     * only, so these long-running readers need no token that would expire under them.
     */
    public String internalHlsBase() {
        return nginxHttpBase() + "/internal/hls/";
    }

    /**
     * What a copy of a stream reads (outputs, multicast senders): the whole stream from nginx-rtmp,
     * or, for {@code rendition}, that rendition's HLS from the transcoder's output.
     */
    public String internalSource(String streamName, String rendition) {
        if (rendition == null) {
            return internalPlayUrl(streamName);
        }
        return internalHlsBase() + streamName + "/" + rendition + "/index.m3u8";
    }

    public String hookSecret() {
        return hookSecret;
    }

    public boolean isHookSecret(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        candidate.getBytes(StandardCharsets.UTF_8), hookSecret.getBytes(StandardCharsets.UTF_8));
    }
}
