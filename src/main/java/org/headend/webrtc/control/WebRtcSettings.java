package org.headend.webrtc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code headend.webrtc.*} settings, read in one place. */
@ApplicationScoped
public class WebRtcSettings {

    @Inject
    @ConfigProperty(name = "headend.webrtc.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "headend.webrtc.binary", defaultValue = "/usr/bin/janus")
    String binary;

    /** Janus's HTTP API, on 127.0.0.1 only. */
    @Inject
    @ConfigProperty(name = "headend.webrtc.api-port", defaultValue = "8188")
    int apiPort;

    /** Janus's admin API, on 127.0.0.1 only (sessions are listed through it). */
    @Inject
    @ConfigProperty(name = "headend.webrtc.admin-port", defaultValue = "7188")
    int adminPort;

    /** The UDP ports ICE and RTP use, as {@code first-last}: what a firewall must open. */
    @Inject
    @ConfigProperty(name = "headend.webrtc.ports", defaultValue = "20000-20199")
    String ports;

    /** The address clients reach this node by when it sits behind 1:1 NAT. */
    @Inject
    @ConfigProperty(name = "headend.webrtc.public-address")
    Optional<String> publicAddress;

    /** The only interface Janus gathers candidates on (default: every non-loopback one). */
    @Inject
    @ConfigProperty(name = "headend.webrtc.interface")
    Optional<String> iceInterface;

    /** Comma-separated URIs. Read as one string: Payara's config cannot inject Optional<List<String>>. */
    @Inject
    @ConfigProperty(name = "headend.webrtc.stun-servers")
    Optional<String> stunServers;

    @Inject
    @ConfigProperty(name = "headend.webrtc.turn-servers")
    Optional<String> turnServers;

    @Inject
    @ConfigProperty(name = "headend.webrtc.turn-username")
    Optional<String> turnUsername;

    @Inject
    @ConfigProperty(name = "headend.webrtc.turn-password")
    Optional<String> turnPassword;

    /** How long a stream's WebRTC bridge runs on after its last viewer left. */
    @Inject
    @ConfigProperty(name = "headend.webrtc.viewer-linger", defaultValue = "PT10S")
    Duration viewerLinger;

    /** Janus that answers no info request for this long (frozen, hung) is killed and started again. */
    @Inject
    @ConfigProperty(name = "headend.webrtc.stall-timeout", defaultValue = "PT10S")
    Duration stallTimeout;

    public boolean enabled() {
        return enabled;
    }

    public String binary() {
        return binary;
    }

    public int apiPort() {
        return apiPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public String ports() {
        return ports;
    }

    public Optional<String> publicAddress() {
        return publicAddress.filter(s -> !s.isBlank());
    }

    public Optional<String> iceInterface() {
        return iceInterface.filter(s -> !s.isBlank());
    }

    public List<String> stunServers() {
        return list(stunServers);
    }

    public List<String> turnServers() {
        return list(turnServers);
    }

    private static List<String> list(Optional<String> commaSeparated) {
        return commaSeparated.stream()
                .flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public Optional<String> turnUsername() {
        return turnUsername.filter(s -> !s.isBlank());
    }

    public Optional<String> turnPassword() {
        return turnPassword.filter(s -> !s.isBlank());
    }

    public Duration stallTimeout() {
        return stallTimeout;
    }

    public Duration viewerLinger() {
        return viewerLinger;
    }
}
