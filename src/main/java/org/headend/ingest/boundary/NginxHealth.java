package org.headend.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.headend.ingest.control.NginxClient;

/** Ready only while nginx-rtmp answers: without it no publisher can get in. */
@Readiness
@ApplicationScoped
public class NginxHealth implements HealthCheck {

    @Inject
    NginxClient stat;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("nginx-rtmp");
        try {
            int published = stat.published().size();
            return response.up().withData("published", published).build();
        } catch (IOException | RuntimeException e) {
            return response.down()
                    .withData("reason", "nginx-rtmp is unreachable: " + e.getMessage())
                    .build();
        }
    }
}
