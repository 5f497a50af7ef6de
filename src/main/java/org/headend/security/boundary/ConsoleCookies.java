package org.headend.security.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's session cookie is Secure whenever its session began over TLS (Payara's "dynamic"
 * default, left alone here). Behind a proxy that terminates TLS the app sees plain HTTP, so
 * {@code headend.console.secure-cookies=true} forces the flag.
 */
@WebListener
public class ConsoleCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean forced = ConfigProvider.getConfig()
                .getOptionalValue("headend.console.secure-cookies", Boolean.class)
                .orElse(false);
        if (forced) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
