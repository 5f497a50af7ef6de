package org.headend.webrtc.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code headend.webrtc.*} settings before Janus is configured with them: a bad value
 * would make Janus refuse to start (or, worse, start listening where it should not), so each
 * problem is named in words an operator can act on, and Janus is not started.
 */
public final class WebRtcSettingsCheck {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    /** Linux interface names: at most 15 characters, no slash or space. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

    private WebRtcSettingsCheck() {}

    /** What is wrong with the settings, each in a sentence; empty when they are usable. */
    public static List<String> problems(WebRtcSettings settings) {
        List<String> problems = new ArrayList<>();
        portRange(settings.ports()).ifPresent(problems::add);
        checkApiPort("headend.webrtc.api-port", settings.apiPort(), problems);
        checkApiPort("headend.webrtc.admin-port", settings.adminPort(), problems);
        if (settings.apiPort() == settings.adminPort()) {
            problems.add("headend.webrtc.api-port and headend.webrtc.admin-port must differ");
        }
        settings.iceInterface()
                .filter(i -> !INTERFACE.matcher(i).matches())
                .ifPresent(i -> problems.add("headend.webrtc.interface '" + i + "' is not a network interface name"));
        settings.publicAddress()
                .filter(a -> !IpAddresses.isLiteral(a))
                .ifPresent(a -> problems.add("headend.webrtc.public-address '" + a + "' is not an IP address"));
        uris("headend.webrtc.stun-servers", settings.stunServers(), false, problems);
        uris("headend.webrtc.turn-servers", settings.turnServers(), true, problems);
        if (!settings.turnServers().isEmpty()
                && (settings.turnUsername().isEmpty() || settings.turnPassword().isEmpty())) {
            problems.add("headend.webrtc.turn-servers need headend.webrtc.turn-username and turn-password");
        }
        if (settings.stallTimeout() == null || settings.stallTimeout().toMillis() < 1000) {
            problems.add("headend.webrtc.stall-timeout must be at least PT1S");
        }
        return problems;
    }

    /** The problem with a {@code first-last} UDP range, if any. */
    static Optional<String> portRange(String range) {
        Matcher m = RANGE.matcher(range == null ? "" : range.trim());
        if (!m.matches()) {
            return Optional.of("headend.webrtc.ports '" + range + "' is not a range such as 20000-20199");
        }
        int first = Integer.parseInt(m.group(1));
        int last = Integer.parseInt(m.group(2));
        if (first < 1024 || last > 65535 || first > last) {
            return Optional.of("headend.webrtc.ports '" + range
                    + "' must lie within 1024-65535, the first port not after the last");
        }
        return Optional.empty();
    }

    private static void checkApiPort(String key, int port, List<String> problems) {
        if (port < 1 || port > 65535) {
            problems.add(key + " " + port + " is not a port number");
        }
    }

    private static void uris(String key, List<String> uris, boolean turn, List<String> problems) {
        for (String uri : uris) {
            try {
                if (IceServerUri.parse(uri).isTurn() != turn) {
                    problems.add(key + " takes " + (turn ? "turn: or turns:" : "stun: or stuns:") + " URIs, not '" + uri
                            + "'");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
        }
    }
}
