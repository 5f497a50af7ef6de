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
 * The app's one authentication mechanism. The API ({@code /api}) knows only bearer tokens, so a
 * console session cookie can never be used to forge an API call; console pages know only the
 * session that the sign-in page or OIDC started. It never answers on its own: an unknown caller
 * stays anonymous, and {@link RoleCheck} or {@link ConsoleAccess} answer for it.
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    public static final String CALLER = "headend.caller";

    @Inject
    Tokens tokens;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return bearer(request, context);
        }
        return SessionSignIns.current(request)
                .map(signIn -> context.notifyContainerAboutLogin(
                        signIn::username, Set.of(signIn.role().id())))
                .orElseGet(context::doNothing);
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context) {
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
