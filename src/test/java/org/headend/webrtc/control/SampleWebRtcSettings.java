package org.headend.webrtc.control;

import java.time.Duration;
import java.util.Optional;

/** {@link WebRtcSettings} as the defaults make them, for tests to change one or two values of. */
final class SampleWebRtcSettings {

    private SampleWebRtcSettings() {}

    static WebRtcSettings defaults() {
        var settings = new WebRtcSettings();
        settings.enabled = true;
        settings.binary = "/usr/bin/janus";
        settings.apiPort = 8188;
        settings.adminPort = 7188;
        settings.ports = "20000-20199";
        settings.publicAddress = Optional.empty();
        settings.iceInterface = Optional.empty();
        settings.stunServers = Optional.empty();
        settings.turnServers = Optional.empty();
        settings.turnUsername = Optional.empty();
        settings.turnPassword = Optional.empty();
        settings.stallTimeout = Duration.ofSeconds(10);
        settings.viewerLinger = Duration.ofSeconds(10);
        return settings;
    }
}
