package org.headend.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.headend.security.control.OidcAttempt;
import org.headend.security.control.OidcClient;
import org.headend.security.control.OidcException;
import org.headend.security.control.OidcSettings;

/**
 * {@code GET /auth/oidc/start[?next=/page]}: begins an OIDC sign-in. The attempt's state, nonce,
 * PKCE verifier and landing page stay in the HTTP session; the browser goes to the provider.
 * Answers 404 while OIDC is not configured.
 */
@WebServlet(name = "OidcStart", urlPatterns = OidcStart.PATH)
public class OidcStart extends HttpServlet {

    static final String PATH = "/auth/oidc/start";
    static final String CALLBACK = "/auth/oidc/callback";
    private static final String ATTEMPT = "headend.oidcAttempt";

    @Inject
    OidcSettings settings;

    @Inject
    OidcClient client;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!settings.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String redirectUri = settings.redirectUri()
                .orElseGet(() -> callbackUri(
                        request.getScheme(),
                        request.getServerName(),
                        request.getServerPort(),
                        request.getContextPath()));
        var attempt = OidcAttempt.begin(redirectUri, SignInView.safeNext(request.getParameter("next")));
        URI provider;
        try {
            provider = client.authorizationUrl(attempt);
        } catch (OidcException failed) {
            SignInProblems.show(request, response, failed.unavailable() ? 503 : 400, failed.getMessage());
            return;
        }
        request.getSession(true).setAttribute(ATTEMPT, attempt);
        response.sendRedirect(provider.toString());
    }

    /** The attempt this browser started, taken out of its session: each answer is used once. */
    static OidcAttempt takeAttempt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object attempt = session.getAttribute(ATTEMPT);
        session.removeAttribute(ATTEMPT);
        return attempt instanceof OidcAttempt started ? started : null;
    }

    /** This console's callback URL as the browser reaches it; the provider must list it as allowed. */
    static String callbackUri(String scheme, String host, int port, String contextPath) {
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + literal + (defaultPort ? "" : ":" + port) + contextPath + CALLBACK;
    }
}
