package org.headend.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.headend.security.control.Tokens;

/**
 * Signs a request in from its {@code Authorization: Bearer} token. It never answers on its own:
 * a missing or refused token leaves the request anonymous, and {@link RoleCheck} answers a
 * problem+json 401 that says why where a role is required.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    public static final String CALLER = "headend.caller";

    @Inject
    Tokens tokens;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            Tokens.Caller caller = tokens.fromAuthorizationHeader(request.getHeader("Authorization"));
            request.setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(
                    caller::username, Set.of(caller.role().id()));
        } catch (Tokens.InvalidTokenException refused) {
            return context.doNothing();
        }
    }
}
