package org.headend.security.boundary;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may open which console page. Pages not listed here are open to every signed-in role; the
 * public ones need no sign-in at all. The beans behind the pages check roles again on every action.
 */
public final class ConsolePages {

    static final Set<String> PUBLIC = Set.of("/login", "/no-access", "/auth/oidc/start", "/auth/oidc/callback");

    private static final Set<String> STAFF = Set.of("admin", "operator");
    private static final Map<String, Set<String>> RESTRICTED = Map.of(
            "/users",
            Set.of("admin"),
            "/audit",
            Set.of("admin"),
            "/webhooks",
            Set.of("admin"),
            "/workers",
            Set.of("admin"),
            "/stream-new",
            STAFF,
            "/ladder",
            STAFF,
            "/go-live",
            STAFF);

    private ConsolePages() {}

    /** The page a request path names: {@code /streams.xhtml} and {@code /streams} are one page. */
    static String page(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return "/index";
        }
        return path.endsWith(".xhtml") ? path.substring(0, path.length() - ".xhtml".length()) : path;
    }

    /**
     * The API (bearer tokens, its own 401/403) and what Payara serves inside this web module:
     * health, metrics and OpenAPI, which monitoring reads without a session.
     */
    static boolean isOutsideTheConsole(String path) {
        return path.startsWith("/api/")
                || path.equals("/health")
                || path.startsWith("/health/")
                || path.equals("/metrics")
                || path.startsWith("/metrics/")
                || path.equals("/openapi")
                || path.startsWith("/openapi/");
    }

    /** Style sheets, scripts and images: public, and not pages to guard. */
    static boolean isNotAPage(String path) {
        return path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/webjars/")
                || path.startsWith("/resources/")
                || path.equals("/favicon.ico");
    }

    /**
     * The watch pages and WebRTC's endpoints: a public stream needs no sign-in, so only the
     * servlet, which knows the stream, can decide who may open one (WHIP takes a stream key,
     * WHEP a signed-in session or a signed token).
     */
    static boolean guardsItself(String path) {
        return path.startsWith("/watch/") || isWebRtcSignalling(path);
    }

    /** WHIP and WHEP: encoders and players post to them from anywhere, with their own credentials. */
    public static boolean isWebRtcSignalling(String path) {
        return path.equals("/whip") || path.startsWith("/whip/") || path.startsWith("/whep/");
    }

    static Optional<Set<String>> rolesFor(String page) {
        return Optional.ofNullable(RESTRICTED.get(page));
    }
}
