package org.headend.security.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

    @Inject
    Tokens tokens;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new Filter(Arrays.stream(allowed.value()).collect(Collectors.toSet()), tokens));
        }
    }

    // Before any authorization filter of the runtime, so a refused token is answered with its reason.
    @Priority(Priorities.AUTHENTICATION)
    static final class Filter implements ContainerRequestFilter {
        private final Set<String> roles;
        private final Tokens tokens;

        Filter(Set<String> roles, Tokens tokens) {
            this.roles = roles;
            this.tokens = tokens;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            Tokens.Caller caller = context.getProperty(CallerAuthentication.CALLER) instanceof Tokens.Caller known
                    ? known
                    : verify(context.getHeaderString("Authorization"));
            if (!roles.contains(caller.role().id())) {
                throw new ApiException(
                        403, "Forbidden", "The role '" + caller.role().id() + "' may not do this.");
            }
        }

        /** The caller of a request the authentication mechanism left anonymous, or why it is refused. */
        private Tokens.Caller verify(String header) {
            try {
                return tokens.fromAuthorizationHeader(header);
            } catch (Tokens.InvalidTokenException refused) {
                throw new ApiException(401, "Unauthorized", refused.getMessage());
            }
        }
    }
}
