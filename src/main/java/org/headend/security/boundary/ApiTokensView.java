package org.headend.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.headend.platform.ApiException;

/**
 * The console's API tokens page: the signed-in user's own tokens, making one (its secret shown
 * once, on this view only) and revoking one. The rules and the audit are {@link ApiTokenOperations}',
 * the same as the API's.
 */
@Named
@ViewScoped
public class ApiTokensView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    ApiTokenOperations actions;

    private String name;
    private Integer expiresInDays;
    private String secret;
    private String secretName;
    private List<ApiTokenJson> tokens;

    @PostConstruct
    void load() {
        tokens = actions.mine();
    }

    public void create() {
        secret = null;
        try {
            var created = actions.create(name, expiresInDays);
            secret = created.secret();
            secretName = created.token().name();
            name = null;
            expiresInDays = null;
            message(FacesMessage.SEVERITY_INFO, "Token '" + secretName + "' created.");
        } catch (ApiException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        load();
    }

    public void revoke(String id) {
        secret = null;
        try {
            actions.revoke(id);
            message(FacesMessage.SEVERITY_INFO, "Token revoked: it no longer works.");
        } catch (ApiException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        load();
    }

    public String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public List<ApiTokenJson> getTokens() {
        return tokens;
    }

    /** The secret of the token just made: on this view only, and gone with the next action. */
    public String getSecret() {
        return secret;
    }

    public String getSecretName() {
        return secretName;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(Integer expiresInDays) {
        this.expiresInDays = expiresInDays;
    }
}
