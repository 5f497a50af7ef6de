package org.headend.platform.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.platform.metrics.OutcomeCounter;
import org.omnifaces.cdi.Push;
import org.omnifaces.cdi.PushContext;

/**
 * The WebSocket channel {@code console} every open console page listens on; each capability's
 * push observer sends its messages through here. Every message has a {@code type} and {@code at}
 * (epoch milliseconds of the change), and is counted by type.
 */
@ApplicationScoped
public class ConsolePush {

    static final List<String> TYPES =
            List.of("state", "created", "deleted", "notice", "figures", "output", "origins", "multicast", "workers");

    @Inject
    @Push(channel = "console")
    PushContext console;

    @Inject
    MetricRegistry metrics;

    private OutcomeCounter sent;

    /** Made with the application, so the counter's series exist before the first message. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Creating the bean runs register().
    }

    /** Not in the start observer: a startup singleton (linking workers) may push before it runs. */
    @PostConstruct
    void register() {
        sent = new OutcomeCounter(
                metrics,
                "headend_console_push_messages",
                "Messages pushed to open console pages, by type",
                "type",
                TYPES);
    }

    public void send(Map<String, Object> message) {
        console.send(message);
        sent.count((String) message.get("type"));
    }
}
