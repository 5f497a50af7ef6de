package org.headend.webrtc.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.headend.platform.SecureTokens;

/**
 * Where the app reaches its Janus and the secrets it does so with: fresh for every run of the app,
 * rendered into Janus's configuration and never written anywhere else.
 */
@ApplicationScoped
public class JanusEndpoint {

    @Inject
    WebRtcSettings settings;

    private String apiSecret;
    private String adminSecret;

    @PostConstruct
    void init() {
        apiSecret = SecureTokens.urlSafe(24);
        adminSecret = SecureTokens.urlSafe(24);
    }

    public String apiBase() {
        return "http://127.0.0.1:" + settings.apiPort() + "/janus";
    }

    public String adminBase() {
        return "http://127.0.0.1:" + settings.adminPort() + "/admin";
    }

    public String apiSecret() {
        return apiSecret;
    }

    public String adminSecret() {
        return adminSecret;
    }
}
