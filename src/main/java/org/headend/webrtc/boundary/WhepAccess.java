package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.headend.platform.Problem;
import org.headend.playback.control.PlaybackSecret;
import org.headend.playback.control.PlaybackSigner;
import org.headend.security.boundary.SameOriginPosts;
import org.headend.stream.entity.Stream;

/**
 * Who may watch a stream over WHEP: exactly who may play its HLS. A public stream is open to
 * anyone; a protected one to a signed-in viewer posting from this site (the session cookie signs,
 * so a cross-site page must not borrow it), or to whoever holds the signed token of its
 * {@code playbackUrl} ({@code .../t/<token>/<expires>/<name>/...}), sent as
 * {@code Authorization: Bearer <expires>.<token>}: WHEP players take a bearer token, and a header
 * keeps the token out of access logs.
 */
@ApplicationScoped
public class WhepAccess {

    private static final String BEARER = "Bearer ";

    @Inject
    PlaybackSecret secret;

    private final Clock clock = Clock.systemUTC();

    /** Why the caller may not watch, or empty when it may. */
    public Optional<Problem> refusal(HttpServletRequest request, Stream stream) {
        if (stream.isPublic()) {
            return Optional.empty();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return validToken(authorization, stream.name())
                    ? Optional.empty()
                    : Optional.of(problem(
                            401,
                            "Unauthorized",
                            "The bearer token is not a valid, unexpired token of this stream.",
                            request));
        }
        if (request.getUserPrincipal() != null) {
            return SameOriginPosts.sameOrigin(request)
                    ? Optional.empty()
                    : Optional.of(problem(
                            403,
                            "Forbidden",
                            "A signed-in session may start WebRTC playback from this site only.",
                            request));
        }
        return Optional.of(problem(
                401,
                "Unauthorized",
                "This stream is protected: sign in, or send its playback token as 'Authorization: Bearer "
                        + "<expires>.<token>'.",
                request));
    }

    boolean validToken(String authorization, String name) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String credentials = authorization.substring(BEARER.length()).strip();
        int dot = credentials.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(credentials.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expires < clock.instant().getEpochSecond()) {
            return false;
        }
        String expected = PlaybackSigner.token(name, expires, secret.value());
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                credentials.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static Problem problem(int status, String title, String detail, HttpServletRequest request) {
        return new Problem(status, title, detail, request.getRequestURI());
    }
}
