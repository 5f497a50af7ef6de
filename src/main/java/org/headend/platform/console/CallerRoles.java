package org.headend.platform.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.headend.platform.ApiException;

/**
 * What the console's caller may do: pages render controls only for those who may use them, and
 * every action checks again, since a hidden button can still be posted.
 */
@Named("caller")
@RequestScoped
public class CallerRoles {

    @Inject
    HttpServletRequest request;

    public boolean isAdmin() {
        return request.isUserInRole("admin");
    }

    /** Admins and operators: they manage streams, ladders and outputs. */
    public boolean isStaff() {
        return isAdmin() || request.isUserInRole("operator");
    }

    public String getUsername() {
        return request.getUserPrincipal() == null
                ? null
                : request.getUserPrincipal().getName();
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw new ApiException(403, "Forbidden", "Your role may not change anything here.");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new ApiException(403, "Forbidden", "Only administrators may do this.");
        }
    }
}
