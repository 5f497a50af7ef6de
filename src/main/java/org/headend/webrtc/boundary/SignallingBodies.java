package org.headend.webrtc.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * WHIP and WHEP refuse a request (wrong key, too large, another type) without reading its body.
 * The listener does not swallow what is left, so a client still sending a large body never gets to
 * read the refusal: what is left is read and dropped after the answer, up to 1 MiB; a larger body's
 * connection is closed after the answer instead.
 */
@WebFilter(
        filterName = "SignallingBodies",
        urlPatterns = {"/whip", "/whip/*", "/whep/*"})
public class SignallingBodies extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long SWALLOW = 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > SWALLOW) {
            response.setHeader("Connection", "close");
        }
        chain.doFilter(request, response);
        if (request.getContentLengthLong() <= SWALLOW) {
            drain(request);
        }
    }

    private static void drain(HttpServletRequest request) {
        long left = SWALLOW;
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; left > 0 && (n = in.read(buffer)) >= 0; ) {
                left -= n;
            }
        } catch (IllegalStateException readAsText) {
            try {
                Reader reader = request.getReader();
                char[] buffer = new char[8192];
                for (int n; left > 0 && (n = reader.read(buffer)) >= 0; ) {
                    left -= n;
                }
            } catch (IOException | IllegalStateException gone) {
                // Nothing more to drop.
            }
        } catch (IOException gone) {
            // The client went away: nothing to drop.
        }
    }
}
