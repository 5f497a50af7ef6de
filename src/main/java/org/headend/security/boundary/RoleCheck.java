package org.headend.security.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.headend.platform.ApiException;
import org.headend.security.control.Tokens;

/**
 * Enforces {@link RolesAllowed} on resources: 401 without a valid token (saying why), 403 when the
 * caller's role is not among those allowed.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new Filter(Arrays.stream(allowed.value()).collect(Collectors.toSet())));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {
        private final Set<String> roles;

        Filter(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            if (!(context.getProperty(BearerTokenMechanism.CALLER) instanceof Tokens.Caller caller)) {
                Object refusal = context.getProperty(BearerTokenMechanism.REFUSAL);
                throw new ApiException(401, "Unauthorized", refusal != null ? refusal.toString()
                        : "A bearer token is required: POST /api/v1/auth/token first.");
            }
            if (!roles.contains(caller.role().id())) {
                throw new ApiException(403, "Forbidden", "The role '" + caller.role().id()
                        + "' may not do this.");
            }
        }
    }
}
