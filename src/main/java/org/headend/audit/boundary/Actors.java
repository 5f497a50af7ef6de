package org.headend.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.headend.audit.entity.Actor;

/** Who the current request acts for: its signed-in caller and address, or "system". */
@RequestScoped
public class Actors {

    @Inject
    HttpServletRequest request;

    private boolean system;

    /**
     * Makes what this request scope does next recorded as done by "system", with no address: for
     * timers and startup work, which run outside any HTTP request.
     */
    public void actAsSystem() {
        system = true;
    }

    public Actor current() {
        if (system) {
            return Actor.SYSTEM;
        }
        Principal caller = request.getUserPrincipal();
        return named(caller == null ? "anonymous" : caller.getName());
    }

    /** For events with no signed-in caller yet, such as a sign-in attempt: the name it gave. */
    public Actor named(String name) {
        return new Actor(name, request.getRemoteAddr());
    }
}
