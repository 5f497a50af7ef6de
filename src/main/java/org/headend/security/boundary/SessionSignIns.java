package org.headend.security.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import org.headend.security.control.SignIn;

/**
 * The console's signed-in caller, kept in the HTTP session. Starting a sign-in changes the session
 * id, so an id planted before sign-in (session fixation) is worthless afterwards.
 */
public final class SessionSignIns {

    static final String ATTRIBUTE = "headend.signIn";

    private SessionSignIns() {}

    public static void start(HttpServletRequest request, SignIn signIn, Duration idleTimeout) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setMaxInactiveInterval((int) idleTimeout.toSeconds());
        session.setAttribute(ATTRIBUTE, signIn);
    }

    public static Optional<SignIn> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SignIn) session.getAttribute(ATTRIBUTE));
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
