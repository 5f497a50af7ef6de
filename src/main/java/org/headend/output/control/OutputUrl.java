package org.headend.output.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.headend.platform.ApiException;

/**
 * A destination URL, checked before any process sees it, and its masked form for everything that
 * is shown or logged: user info, the last path segment of RTMP URLs (where YouTube, Twitch and
 * Facebook put the stream key) and SRT's passphrase and stream id never appear.
 */
public record OutputUrl(String url, String scheme, String host, int port) {

    static final Map<String, String> FORMATS =
            Map.of("rtmp", "flv", "rtmps", "flv", "srt", "mpegts", "udp", "mpegts", "rtsp", "rtsp");
    private static final Set<String> SECRET_QUERY = Set.of("passphrase", "streamid", "pbkeylen");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

    public static OutputUrl parse(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            throw ApiException.invalid("url", "'url' is required, at most 2048 characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw ApiException.invalid("url", "'url' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!FORMATS.containsKey(scheme)) {
            throw ApiException.invalid("url", "'url' must start with rtmp://, rtmps://, srt://, udp:// or rtsp://.");
        }
        String host = uri.getHost();
        if (host == null || !HOST.matcher(host).matches()) {
            throw ApiException.invalid("url", "'url' needs a host name or address.");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(scheme);
        if (port <= 0 || port > 65535) {
            throw ApiException.invalid("url", "'url' needs a port for " + scheme + "://, between 1 and 65535.");
        }
        if (url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw ApiException.invalid("url", "'url' must not contain spaces or control characters.");
        }
        return new OutputUrl(url, scheme, host, port);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "rtmp" -> 1935;
            case "rtmps" -> 443;
            case "rtsp" -> 554;
            default -> -1;
        };
    }

    /** ffmpeg's muxer for the protocol. */
    public String format() {
        return FORMATS.get(scheme);
    }

    /** Reached over TCP (a connect tells whether the destination is up). */
    public boolean tcp() {
        return scheme.startsWith("rtmp") || scheme.equals("rtsp");
    }

    /** SRT in listener mode waits for a caller: there is nothing to probe. */
    public boolean srtListener() {
        return scheme.equals("srt") && url.matches(".*[?&]mode=listener(&.*)?$");
    }

    public String masked() {
        return mask(url);
    }

    /** The text with any credential of this kind of URL replaced by {@code ***}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(?i)((?:rtmps?|srt|udp|rtsp)://)[^/@\\s]*@", "$1***@");
        masked = masked.replaceAll("(?i)(rtmps?://[^\\s/]+/(?:[^\\s/?]+/)+)[^\\s/?]+", "$1***");
        for (String key : SECRET_QUERY) {
            masked = masked.replaceAll("(?i)([?&]" + key + "=)[^&\\s]*", "$1***");
        }
        return masked;
    }
}
