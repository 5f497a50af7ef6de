package org.headend.origin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.headend.origin.control.OriginMonitor;

/** Not ready while a live stream with origins has none healthy: its players get nothing fresh. */
@Readiness
@ApplicationScoped
public class OriginHealthCheck implements HealthCheck {

    @Inject
    OriginMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        var stranded = monitor.liveWithoutHealthyOrigin();
        var response = HealthCheckResponse.named("origins");
        if (stranded.isEmpty()) {
            return response.up().build();
        }
        return response.down()
                .withData("reason", "no healthy origin for live stream(s): " + String.join(", ", stranded))
                .build();
    }
}
