package org.headend.stream.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.RenditionStatus;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.headend.stream.entity.StreamStatus;
import org.headend.stream.entity.TranscoderStatus;

/**
 * The runtime state of every stream that is not offline, keyed by stream id. Ingest claims a
 * stream for one publisher (by nginx-rtmp's client id), the transcoder reports into it, and every
 * state change is announced as a {@link StreamStateChanged} event. It is the stream's state machine:
 * nothing else moves a stream's state, and it moves only as {@link StreamStateMachine} allows.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());

    @Inject
    Event<StreamStateChanged> changes;

    private final Map<String, StreamStatus> byId = new ConcurrentHashMap<>();
    private final Map<String, String> clientToStream = new ConcurrentHashMap<>();

    /** Marks the stream STARTING for this publisher; false when another publisher already has it. */
    public boolean claim(String id, String name, String clientId) {
        var fresh = new StreamStatus(
                id, name, StreamState.STARTING, Instant.now(), InputInfo.UNKNOWN, List.of(), TranscoderStatus.IDLE);
        if (byId.putIfAbsent(id, fresh) != null) {
            return false;
        }
        clientToStream.put(clientId, id);
        changes.fire(new StreamStateChanged(id, name, StreamState.OFFLINE, StreamState.STARTING, fresh.since()));
        return true;
    }

    /** Ends the publisher's claim: the id of the stream it held, if it held one. */
    public Optional<String> release(String clientId) {
        return Optional.ofNullable(clientToStream.remove(clientId)).map(id -> {
            end(id);
            return id;
        });
    }

    /** Takes a stream offline whoever published it. */
    public void end(String id) {
        clientToStream.values().removeIf(id::equals);
        StreamStatus last = byId.remove(id);
        if (last != null) {
            changes.fire(new StreamStateChanged(id, last.name(), last.state(), StreamState.OFFLINE, Instant.now()));
        }
    }

    /**
     * Moves a live stream to {@code state} when {@link StreamStateMachine} allows it; false (and
     * nothing announced) when the stream is offline, already there, or may not move there.
     */
    public boolean moveTo(String id, StreamState state) {
        StreamStatus[] before = new StreamStatus[1];
        StreamStatus after = byId.computeIfPresent(id, (k, s) -> {
            before[0] = s;
            return StreamStateMachine.allows(s.state(), state)
                    ? new StreamStatus(
                            s.id(), s.name(), state, Instant.now(), s.input(), s.renditions(), s.transcoder())
                    : s;
        });
        if (after == null || after == before[0]) {
            if (after != null && before[0].state() != state) {
                LOG.fine(() -> "Stream " + id + " stays " + before[0].state() + ": it may not move to " + state);
            }
            return false;
        }
        changes.fire(new StreamStateChanged(id, after.name(), before[0].state(), state, after.since()));
        return true;
    }

    /** The input as last measured; a rendition that copies the source shows the same figures. */
    public void updateInput(String id, InputInfo input) {
        update(id, s -> {
            List<RenditionStatus> renditions = s.renditions().stream()
                    .map(r -> r.copiesSource() ? RenditionStatus.copyOf(input) : r)
                    .toList();
            return new StreamStatus(s.id(), s.name(), s.state(), s.since(), input, renditions, s.transcoder());
        });
    }

    public void updateRenditions(String id, List<RenditionStatus> renditions) {
        update(
                id,
                s -> new StreamStatus(
                        s.id(), s.name(), s.state(), s.since(), s.input(), List.copyOf(renditions), s.transcoder()));
    }

    public void updateTranscoder(String id, UnaryOperator<TranscoderStatus> change) {
        update(
                id,
                s -> new StreamStatus(
                        s.id(),
                        s.name(),
                        s.state(),
                        s.since(),
                        s.input(),
                        s.renditions(),
                        change.apply(s.transcoder())));
    }

    private void update(String id, UnaryOperator<StreamStatus> change) {
        byId.computeIfPresent(id, (k, s) -> change.apply(s));
    }

    public Optional<StreamStatus> live(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public StreamStatus status(String id, String name) {
        return live(id).orElseGet(() ->
                new StreamStatus(id, name, StreamState.OFFLINE, null, null, List.of(), TranscoderStatus.IDLE));
    }

    public List<StreamStatus> all() {
        return List.copyOf(byId.values());
    }

    public long count(StreamState state) {
        return byId.values().stream().filter(s -> s.state() == state).count();
    }
}
