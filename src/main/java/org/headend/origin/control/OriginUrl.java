package org.headend.origin.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.headend.platform.ApiException;

/** An origin's playlist URL, checked before it is probed: http(s), a host, nothing a shell or log could misread. */
public final class OriginUrl {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

    private OriginUrl() {}

    public static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            throw ApiException.invalid("url", "'url' is required, at most 2048 characters.");
        }
        if (url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw ApiException.invalid("url", "'url' must not contain spaces or control characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw ApiException.invalid("url", "'url' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalid("url", "'url' must start with http:// or https:// and name an HLS playlist.");
        }
        if (uri.getHost() == null || !HOST.matcher(uri.getHost()).matches()) {
            throw ApiException.invalid("url", "'url' needs a host name or address.");
        }
        if (uri.getPort() > 65535) {
            throw ApiException.invalid("url", "'url' has a port above 65535.");
        }
        return uri;
    }
}
