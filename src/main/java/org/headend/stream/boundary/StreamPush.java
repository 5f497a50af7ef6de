package org.headend.stream.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.headend.platform.console.ConsolePush;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.stream.entity.TranscoderRestarted;

/**
 * Sends what happens to streams to every open console page over the WebSocket channel
 * {@code console}: state changes, new and deleted streams, transcoder errors, and (from
 * {@link StreamFiguresTimer}) the live figures. Each message carries {@code at}, the moment the
 * change happened, in epoch milliseconds.
 */
@ApplicationScoped
public class StreamPush {

    @Inject
    ConsolePush push;

    private void send(Map<String, Object> message) {
        push.send(message);
    }

    void stateChanged(@Observes StreamStateChanged change) {
        send(Map.of(
                "type", "state",
                "id", change.streamId(),
                "name", change.name(),
                "from", change.from().name(),
                "state", change.to().name(),
                "at", change.at().toEpochMilli()));
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        if (change.change() == StreamCatalogChanged.Change.INPUT_CHANGED) {
            return;
        }
        send(Map.of(
                "type", change.change() == StreamCatalogChanged.Change.CREATED ? "created" : "deleted",
                "id", change.streamId(),
                "name", change.name(),
                "at", change.at().toEpochMilli()));
    }

    void transcoderRestarted(@Observes TranscoderRestarted restart) {
        send(Map.of(
                "type",
                "notice",
                "severity",
                "warn",
                "id",
                restart.streamId(),
                "text",
                "The transcoder of '" + restart.name() + "' failed (" + restart.reason() + ") and was restarted.",
                "at",
                Instant.now().toEpochMilli()));
    }

    void figures(List<Map<String, Object>> streams, long live, long errors) {
        send(Map.of(
                "type", "figures",
                "streams", streams,
                "live", live,
                "errors", errors,
                "at", Instant.now().toEpochMilli()));
    }
}
