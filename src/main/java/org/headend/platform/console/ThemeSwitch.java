package org.headend.platform.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/**
 * The console's light or dark theme, remembered in a cookie the toggle writes in the browser, so
 * the page comes back in the chosen theme without a flash of the other one.
 */
@Named
@RequestScoped
public class ThemeSwitch {

    static final String COOKIE = "headend-theme";

    @Inject
    HttpServletRequest request;

    public boolean isDark() {
        Cookie[] cookies = request.getCookies();
        return cookies != null
                && Arrays.stream(cookies).anyMatch(c -> COOKIE.equals(c.getName()) && "dark".equals(c.getValue()));
    }

    /** The PrimeFaces theme (web.xml's {@code primefaces.THEME} reads it). */
    public String getTheme() {
        return isDark() ? "arya-blue" : "saga-blue";
    }
}
