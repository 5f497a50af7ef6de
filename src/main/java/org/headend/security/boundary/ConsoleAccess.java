package org.headend.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Guards the console: an anonymous caller is sent to the sign-in page (and back afterwards), a
 * signed-in one without the page's role gets 403, and the push socket opens only for a session.
 * Also sets the headers that keep the console out of frames and from being sniffed or cached.
 */
@WebFilter(filterName = "ConsoleAccess", urlPatterns = "/*")
public class ConsoleAccess extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ConsolePages.isOutsideTheConsole(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
        if (ConsolePages.isNotAPage(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String page = ConsolePages.page(path);
        if (ConsolePages.PUBLIC.contains(page) || ConsolePages.guardsItself(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null) {
            if (path.startsWith("/omnifaces.push/")) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?next=" + next(request, path));
            }
            return;
        }
        Set<String> allowed = ConsolePages.rolesFor(page).orElse(null);
        if (allowed != null && allowed.stream().noneMatch(request::isUserInRole)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your role does not allow this page.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String next(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        return URLEncoder.encode(query == null ? path : path + "?" + query, StandardCharsets.UTF_8);
    }
}
