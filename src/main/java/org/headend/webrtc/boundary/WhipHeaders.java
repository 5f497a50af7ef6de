package org.headend.webrtc.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.headend.webrtc.control.WhipOffer;

/** The HTTP details of WHIP: CORS, the Bearer, media types, bounded bodies. */
final class WhipHeaders {

    private WhipHeaders() {}

    /** Any origin may call: the credential is the Bearer, never a cookie, so none is allowed. */
    static void cors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Location, ETag, Link, Accept-Post, Accept-Patch");
    }

    static void preflight(HttpServletResponse response, boolean endpoint) {
        response.setHeader("Access-Control-Allow-Methods", endpoint ? "POST, OPTIONS" : "PATCH, DELETE, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", endpoint ? "POST, OPTIONS" : "PATCH, DELETE, OPTIONS");
        if (endpoint) {
            response.setHeader("Accept-Post", WhipServlet.SDP);
        } else {
            response.setHeader("Accept-Patch", WhipServlet.FRAGMENT);
        }
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    static boolean isType(HttpServletRequest request, String mediaType) {
        String type = request.getContentType();
        return type != null
                && type.split(";")[0].strip().toLowerCase(Locale.ROOT).equals(mediaType);
    }

    /** The body as text, refused past {@code max} characters without reading further. */
    static String body(HttpServletRequest request, int max) throws IOException, WhipOffer.Invalid {
        if (request.getContentLengthLong() > max) {
            throw new WhipOffer.Invalid("The body is larger than " + max / 1024 + " KB.");
        }
        request.setCharacterEncoding("UTF-8");
        var text = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = request.getReader()) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
                if (text.length() > max) {
                    throw new WhipOffer.Invalid("The body is larger than " + max / 1024 + " KB.");
                }
            }
        }
        return text.toString();
    }
}
