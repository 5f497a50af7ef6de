package org.headend.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * CSRF protection for the console, on top of Faces' server-side view state (an unguessable token
 * every form must send back): a POST whose Origin (or, lacking one, Referer) names another site is
 * refused before any bean sees it. The API is not concerned: it ignores cookies. Nor are WHIP and
 * WHEP, whose callers are encoders and players: WHEP checks the origin itself where a cookie signs.
 */
@WebFilter(filterName = "SameOriginPosts", urlPatterns = "/*")
public class SameOriginPosts extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/") || ConsolePages.isWebRtcSignalling(path);
        if (!api && "POST".equals(request.getMethod()) && !sameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site form posts are refused.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the request's Origin (or Referer) is this server: WHEP asks it of cookie-signed viewers. */
    public static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            origin = request.getHeader("Referer");
        }
        if (origin == null) {
            return false;
        }
        try {
            URI source = URI.create(origin);
            String host = request.getHeader("Host");
            return source.getScheme() != null && host != null && host.equalsIgnoreCase(source.getRawAuthority());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
