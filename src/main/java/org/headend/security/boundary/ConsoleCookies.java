package org.headend.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the console's session cookie Secure when the console is served over TLS (directly or
 * behind a TLS proxy). Off by default only because the out-of-the-box listener is plain HTTP on
 * the operator's own machine, where a Secure cookie would never be sent back.
 */
@WebListener
public class ConsoleCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig()
                .getOptionalValue("headend.console.secure-cookies", Boolean.class)
                .orElse(false);
        event.getServletContext().getSessionCookieConfig().setSecure(secure);
    }
}
