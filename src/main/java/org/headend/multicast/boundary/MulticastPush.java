package org.headend.multicast.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.platform.console.ConsolePush;

/** Sends every multicast sender's state changes to open console pages (the stream page shows them). */
@ApplicationScoped
public class MulticastPush {

    @Inject
    ConsolePush push;

    void stateChanged(@Observes MulticastStateChanged change) {
        Map<String, Object> message = new HashMap<>();
        message.put("type", "multicast");
        message.put("id", change.senderId());
        message.put("streamId", change.streamId());
        message.put("state", change.to().name());
        message.put("error", change.lastError() == null ? "" : change.lastError());
        message.put("at", change.at().toEpochMilli());
        push.send(message);
    }
}
