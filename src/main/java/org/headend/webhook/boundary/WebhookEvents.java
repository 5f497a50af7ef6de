package org.headend.webhook.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.recording.entity.RecordingFinished;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.webhook.control.EventBodies;
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
    private static final Set<OutputState> TROUBLE = Set.of(OutputState.RETRYING, OutputState.FAILED);

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookStore store;

    /** Outputs that failed while live and have not been live since: their return is a recovery. */
    private final Set<String> troubled = ConcurrentHashMap.newKeySet();

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
        if (change.from() == OutputState.LIVE && TROUBLE.contains(change.to())) {
            troubled.add(change.outputId());
            enqueue(EventType.OUTPUT_FAILED, EventBodies.output(EventType.OUTPUT_FAILED, change));
        } else if (change.to() == OutputState.LIVE
                && (troubled.remove(change.outputId()) || TROUBLE.contains(change.from()))) {
            enqueue(EventType.OUTPUT_RECOVERED, EventBodies.output(EventType.OUTPUT_RECOVERED, change));
        } else if (change.to() == OutputState.DISABLED || change.to() == OutputState.WAITING) {
            troubled.remove(change.outputId());
        }
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
