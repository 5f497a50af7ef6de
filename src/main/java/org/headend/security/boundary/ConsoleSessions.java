package org.headend.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts signed-in console sessions, exported as {@code headend_console_sessions}: a session counts
 * from its sign-in until sign-out, idle timeout or the app's stop.
 */
@WebListener
public class ConsoleSessions implements HttpSessionAttributeListener {

    private static final AtomicLong SIGNED_IN = new AtomicLong();

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (SessionSignIns.ATTRIBUTE.equals(event.getName())) {
            SIGNED_IN.incrementAndGet();
        }
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (SessionSignIns.ATTRIBUTE.equals(event.getName())) {
            SIGNED_IN.decrementAndGet();
        }
    }

    /** Registers the gauge; the listener itself is made by the servlet container, not CDI. */
    @ApplicationScoped
    static class Gauge {

        @Inject
        MetricRegistry metrics;

        void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
            metrics.gauge(
                    Metadata.builder()
                            .withName("headend_console_sessions")
                            .withDescription("Signed-in console sessions")
                            .build(),
                    SIGNED_IN,
                    AtomicLong::get);
        }
    }
}
