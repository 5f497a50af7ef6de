package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.headend.webrtc.control.JanusClient;
import org.headend.webrtc.control.JanusException;
import org.headend.webrtc.control.JanusSupervisor;
import org.headend.webrtc.control.WebRtcSettings;

/**
 * Ready only while Janus answers, when WebRTC is on: without it no browser can publish over WHIP
 * or watch with low latency. With WebRTC off it is up and says so.
 */
@Readiness
@ApplicationScoped
public class JanusHealth implements HealthCheck {

    @Inject
    WebRtcSettings settings;

    @Inject
    JanusSupervisor supervisor;

    @Inject
    JanusClient client;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("janus");
        if (!settings.enabled()) {
            return response.up().withData("enabled", false).build();
        }
        var problem = supervisor.problem();
        if (problem.isPresent()) {
            return response.down().withData("reason", problem.get()).build();
        }
        try {
            JsonObject info = client.info();
            return response.up()
                    .withData("version", info.getString("version_string", "?"))
                    .withData("sessions", client.openSessions())
                    .build();
        } catch (JanusException e) {
            return response.down()
                    .withData("reason", "Janus does not answer on port " + settings.apiPort() + ": " + e.getMessage())
                    .build();
        }
    }
}
