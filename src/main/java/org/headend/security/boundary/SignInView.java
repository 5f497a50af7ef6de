package org.headend.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.security.control.OidcSettings;
import org.headend.security.control.SignIn;

/** The console's sign-in page and sign-out button. */
@Named
@RequestScoped
public class SignInView {

    @Inject
    PasswordSignIn passwords;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    @Inject
    HttpServletRequest request;

    @Inject
    OidcSettings oidc;

    @Inject
    @ConfigProperty(name = "headend.console.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SignIn signIn = passwords.attempt(username == null ? "" : username, password == null ? "" : password);
            SessionSignIns.start(request, signIn, idleTimeout);
            audit.record(
                    actors.named(signIn.username()),
                    "auth.sign-in",
                    "user",
                    signIn.username(),
                    "source=" + signIn.source());
            faces.getExternalContext().redirect(request.getContextPath() + safeNext(next));
        } catch (ApiException refused) {
            if (refused.status() == 403) {
                faces.getExternalContext().redirect(request.getContextPath() + "/no-access");
                return;
            }
            if (refused.retryAfterSeconds() != null) {
                faces.getExternalContext().setResponseStatus(429);
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
        } finally {
            password = null;
        }
    }

    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (request.getUserPrincipal() != null) {
            audit.record(
                    actors.current(),
                    "auth.sign-out",
                    "user",
                    request.getUserPrincipal().getName(),
                    null);
        }
        SessionSignIns.end(request);
        external.redirect(request.getContextPath() + "/login");
    }

    public boolean isOidcEnabled() {
        return oidc.enabled();
    }

    public String getOidcStart() {
        String start = request.getContextPath() + "/auth/oidc/start";
        return next == null ? start : start + "?next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8);
    }

    public String getOidcName() {
        return oidc.displayName();
    }

    /**
     * Only a path inside the console: never an absolute or protocol-relative URL (open redirect).
     * Control characters are refused too: browsers drop tabs and line breaks from a URL, so that
     * {@code /<tab>/evil.example} would become {@code //evil.example}.
     */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
