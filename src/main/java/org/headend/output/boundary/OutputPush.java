package org.headend.output.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.headend.output.entity.OutputStateChanged;
import org.headend.platform.console.ConsolePush;

/** Sends every output's state changes to open console pages (the stream page shows them). */
@ApplicationScoped
public class OutputPush {

    @Inject
    ConsolePush push;

    void stateChanged(@Observes OutputStateChanged change) {
        Map<String, Object> message = new HashMap<>();
        message.put("type", "output");
        message.put("id", change.outputId());
        message.put("streamId", change.streamId());
        message.put("state", change.to().name());
        message.put("error", change.lastError() == null ? "" : change.lastError());
        message.put("at", change.at().toEpochMilli());
        push.send(message);
    }
}
