package org.headend.webrtc.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
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

    // Read in init(): Payara 6.2025.10's config producer throws a ClassCastException when it
    // injects Optional<List<String>> (ParameterizedType cast to Class), failing the deployment.
    Optional<List<String>> stunServers = Optional.empty();

    Optional<List<String>> turnServers = Optional.empty();

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        stunServers = config.getOptionalValues("headend.webrtc.stun-servers", String.class);
        turnServers = config.getOptionalValues("headend.webrtc.turn-servers", String.class);
    }

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
        return stunServers.orElse(List.of());
    }

    public List<String> turnServers() {
        return turnServers.orElse(List.of());
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
