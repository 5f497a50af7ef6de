package org.headend.webrtc.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One STUN or TURN server as RFC 7064 / RFC 7065 write it ({@code stun:host[:port]},
 * {@code turns:host[:port][?transport=tcp]}), checked: these strings go into Janus's configuration
 * and into the Link headers and pages handed to clients, so nothing else may pass.
 */
public record IceServerUri(String scheme, String host, int port, Optional<String> transport) {

    private static final Pattern URI = Pattern.compile(
            "(stuns?|turns?):(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?(?:\\?transport=(udp|tcp))?");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** The server {@code uri} names; an {@link IllegalArgumentException} saying why when it is not one. */
    public static IceServerUri parse(String uri) {
        Matcher m = URI.matcher(uri == null ? "" : uri.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + uri + "' is not a stun:, stuns:, turn: or turns: URI" + " (host[:port][?transport=udp|tcp])");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2);
        boolean literal = host.startsWith("[");
        if (literal
                ? !IpAddresses.isLiteral(host.substring(1, host.length() - 1))
                : !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + uri + "' does not name a valid host");
        }
        boolean secure = scheme.endsWith("s");
        int port = m.group(3) == null ? (secure ? 5349 : 3478) : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + uri + "' has a port outside 1..65535");
        }
        Optional<String> transport = Optional.ofNullable(m.group(4));
        if (transport.isPresent() && scheme.startsWith("stun")) {
            throw new IllegalArgumentException("'" + uri + "': a transport belongs to turn: URIs only");
        }
        return new IceServerUri(scheme, host, port, transport);
    }

    public boolean isTurn() {
        return scheme.startsWith("turn");
    }

    /** The URI as clients get it: normalised, the port always written. */
    @Override
    public String toString() {
        return scheme + ":" + host + ":" + port
                + transport.map(t -> "?transport=" + t).orElse("");
    }
}
