package org.headend.platform.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.headend.platform.ApiException;

/** Messages for the console's growl and message areas, shown as written (no MessageFormat). */
public final class ConsoleMessages {

    private ConsoleMessages() {}

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, null, text);
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, null, text);
    }

    /** An error shown next to one field, by its client id. */
    public static void fieldError(String clientId, String text) {
        add(FacesMessage.SEVERITY_ERROR, clientId, text);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * A refusal from the operations a form calls: next to its field where it names one and the
     * form has fields ({@code fieldPrefix}, e.g. {@code "outputs:new-"}), else as a message.
     */
    public static void refused(ApiException refused, String fieldPrefix) {
        if (fieldPrefix != null && refused.field() != null) {
            fieldError(fieldPrefix + refused.field(), refused.getMessage());
        } else {
            error(refused.getMessage());
        }
    }

    private static void add(FacesMessage.Severity severity, String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
