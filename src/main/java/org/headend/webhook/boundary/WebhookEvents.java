package org.headend.webhook.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headend.output.entity.OutputStateChanged;
import org.headend.recording.entity.RecordingFinished;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.webhook.control.EventBodies;
import org.headend.webhook.control.OutputIncidents;
import org.headend.webhook.control.WebhookStore;
import org.headend.webhook.entity.EventType;

/**
 * Turns stream, output and recording events into pending deliveries. It runs on the thread that
 * fired the event (a supervisor's), so it only builds the body and hands the write to the managed
 * executor: no database or network wait ever reaches the media path.
 */
@ApplicationScoped
public class WebhookEvents {

    private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookStore store;

    private final OutputIncidents incidents = new OutputIncidents();

    void onStream(@Observes StreamStateChanged change) {
        guarded(() -> stream(change));
    }

    void onOutput(@Observes OutputStateChanged change) {
        guarded(() -> output(change));
    }

    void onRecording(@Observes RecordingFinished finished) {
        guarded(() -> enqueue(EventType.RECORDING_FINISHED, EventBodies.recording(finished)));
    }

    /** Whatever goes wrong here stays here: the supervisor that fired the event carries on. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot turn an event into webhook deliveries", e);
        }
    }

    private void stream(StreamStateChanged change) {
        if (change.to() == StreamState.LIVE && change.from() != StreamState.LIVE) {
            enqueue(EventType.STREAM_LIVE, EventBodies.stream(EventType.STREAM_LIVE, change));
        } else if (change.to() == StreamState.OFFLINE && change.from() != StreamState.OFFLINE) {
            enqueue(EventType.STREAM_OFFLINE, EventBodies.stream(EventType.STREAM_OFFLINE, change));
        }
    }

    private void output(OutputStateChanged change) {
        incidents.eventFor(change).ifPresent(type -> enqueue(type, EventBodies.output(type, change)));
    }

    private void enqueue(EventType type, String body) {
        try {
            executor.execute(() -> {
                try {
                    store.enqueue(type.wire(), body);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Cannot store the " + type.wire() + " webhook deliveries", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Cannot queue the " + type.wire() + " webhook deliveries", e);
        }
    }
}
