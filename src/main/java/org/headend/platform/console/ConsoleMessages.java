package org.headend.platform.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

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

    private static void add(FacesMessage.Severity severity, String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
