package org.headend.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST API lives under {@code /api}: the public, versioned API under {@code /api/v1} and the
 * nginx-rtmp callbacks under {@code /api/hooks}, which take no bearer token. What the OpenAPI
 * document says about the whole API is in {@link org.headend.platform.openapi.ApiDocument}.
 */
@ApplicationPath("/api")
@DeclareRoles({"admin", "operator", "viewer"})
public class HeadendApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // nginx-rtmp reads a publish callback's relative Location header as the stream's new name;
        // Jersey would otherwise turn it into an absolute http:// URL.
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
