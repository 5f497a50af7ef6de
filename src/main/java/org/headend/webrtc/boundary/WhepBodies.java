package org.headend.webrtc.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.headend.platform.Problem;

/**
 * Reads the SDP a WHEP request carries: of the right type (415 otherwise), at most 64 KiB (413),
 * an SDP at all (400). The answer to a refusal is written here; the caller only stops.
 */
final class WhepBodies {

    static final int MAX_BYTES = 64 * 1024;

    private WhepBodies() {}

    static boolean isType(HttpServletRequest request, String mediaType) {
        String type = request.getContentType();
        return type != null
                && type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(mediaType);
    }

    /**
     * The body as text ("" when there is none, which a WHEP POST may send), or empty when the
     * request was refused.
     */
    static Optional<String> sdp(HttpServletRequest request, HttpServletResponse response, String mediaType)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(request, response, 413, "Content too large", "The SDP exceeds " + MAX_BYTES + " bytes.");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            refuse(request, response, 413, "Content too large", "The SDP exceeds " + MAX_BYTES + " bytes.");
            return Optional.empty();
        }
        if (bytes.length == 0) {
            return Optional.of("");
        }
        if (!isType(request, mediaType)) {
            response.setHeader("Accept-Post", mediaType);
            refuse(request, response, 415, "Unsupported media type", "The body must be " + mediaType + ".");
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("v=0")) {
            refuse(request, response, 400, "Bad request", "The body is not an SDP (it must begin with v=0).");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        new Problem(status, title, detail, request.getRequestURI()).writeTo(response);
    }
}
