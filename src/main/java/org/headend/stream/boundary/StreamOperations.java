package org.headend.stream.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.stream.control.Ladders;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamNames;
import org.headend.stream.control.StreamStore;
import org.headend.stream.control.StreamWorkers;
import org.headend.stream.entity.PublisherDisconnectRequested;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.stream.entity.StreamInput;
import org.headend.stream.entity.StreamVisibilityChanged;
import org.headend.stream.entity.StreamWorkerChanged;

/**
 * What an operator can do to a stream, for the API and the console alike: the same validation,
 * the same refusals (as {@link ApiException}s whose message can be shown as is) and the same audit
 * entries, whichever door the request came through.
 *
 * <p>Each operation is one JTA transaction: a change and its audit entry commit together. What
 * follows a change outside the database (listeners, public markers, HLS clean-up, console push)
 * observes the change's events after commit, so a refused or failed change starts nothing.
 */
@RequestScoped
@Transactional
public class StreamOperations {

    @Inject
    StreamStore streams;

    @Inject
    Ladders ladders;

    @Inject
    LiveStreams live;

    @Inject
    StreamInputs inputs;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    @Inject
    Event<StreamCatalogChanged> catalog;

    @Inject
    @ConfigProperty(name = "headend.origins.redundant", defaultValue = "false")
    boolean redundantByDefault;

    @Inject
    Event<StreamVisibilityChanged> visibility;

    @Inject
    Event<PublisherDisconnectRequested> disconnects;

    @Inject
    StreamWorkers workers;

    @Inject
    Event<StreamWorkerChanged> pins;

    public StreamStore.Created create(String name, String ladder) {
        return create(name, ladder, Stream.RECORD_OFF, null, InputRequest.RTMP);
    }

    /** A new stream that plays without a token when {@code open}, protected otherwise. */
    public StreamStore.Created create(
            String name, String ladder, String record, Instant expiresAt, InputRequest input, boolean open) {
        return create(name, ladder, record, expiresAt, input, open, Optional.empty());
    }

    /**
     * A new stream with its visibility and, when asked for, its redundancy (else the configured
     * default): all of it with its audit entries commits as one, or nothing does.
     */
    public StreamStore.Created create(
            String name,
            String ladder,
            String record,
            Instant expiresAt,
            InputRequest input,
            boolean open,
            Optional<Boolean> redundancy) {
        var created = create(name, ladder, record, expiresAt, input);
        Stream stream = created.stream();
        if (redundancy.isPresent() && redundancy.get() != stream.redundancy()) {
            stream = changeRedundancy(stream.id(), redundancy.get());
        }
        if (open) {
            stream = changeVisibility(stream.id(), true);
        }
        return new StreamStore.Created(stream, created.key());
    }

    /** Makes the stream play without a token, or only with one; nginx follows at once. */
    public Stream changeVisibility(String id, boolean open) {
        existing(id);
        Stream changed = streams.changeVisibility(id, open);
        visibility.fire(new StreamVisibilityChanged(id, changed.name(), open));
        audit.record(actors.current(), "stream.update", "stream", id, "public=" + open);
        return changed;
    }

    /** A new stream; {@code record} is "always" or "off", {@code expiresAt} may be null. */
    public StreamStore.Created create(
            String name, String ladder, String record, Instant expiresAt, InputRequest input) {
        StreamNames.require("name", name);
        existingLadder(ladder);
        requireRecordMode(record);
        if (streams.byName(name).isPresent()) {
            throw ApiException.conflict("A stream named '" + name + "' already exists.");
        }
        var created = inputs.saveWith(null, input, in -> streams.create(name, ladder, record, expiresAt, in));
        if (redundantByDefault) {
            created = new StreamStore.Created(
                    streams.changeRedundancy(created.stream().id(), true), created.key());
        }
        audit.record(
                actors.current(),
                "stream.create",
                "stream",
                created.stream().id(),
                "name=" + name + " ladder=" + ladder + " record=" + record
                        + (expiresAt == null ? "" : " expiresAt=" + expiresAt)
                        + describe(created.stream().input()));
        catalog.fire(new StreamCatalogChanged(
                created.stream().id(), name, StreamCatalogChanged.Change.CREATED, Instant.now()));
        return created;
    }

    public Stream changeLadder(String id, String ladder) {
        existing(id);
        existingLadder(ladder);
        Stream changed = streams.changeLadder(id, ladder);
        audit.record(actors.current(), "stream.update", "stream", id, "ladder=" + ladder);
        return changed;
    }

    /** Two packagers or one, from the stream's next publish on. */
    public Stream changeRedundancy(String id, boolean redundancy) {
        existing(id);
        Stream changed = streams.changeRedundancy(id, redundancy);
        audit.record(actors.current(), "stream.update", "stream", id, "redundancy=" + redundancy);
        return changed;
    }

    /**
     * Pins the stream's packagers to a registered worker, or (null) lets Headend place them; a live
     * stream's packagers move once the change is committed.
     */
    public Stream changeWorker(String id, String worker) {
        Stream stream = existing(id);
        requireWorker(worker);
        Stream changed = streams.changeWorker(id, worker);
        audit.record(actors.current(), "stream.update", "stream", id, "worker=" + (worker == null ? "auto" : worker));
        pins.fire(new StreamWorkerChanged(id, stream.name(), worker));
        return changed;
    }

    /** Refuses a worker that is not registered (null, for automatic placement, is fine). */
    public void requireWorker(String worker) {
        if (worker != null && (!StreamNames.isValid(worker) || !workers.exists(worker))) {
            throw ApiException.invalid(
                    "worker",
                    "No worker named '" + worker + "'; see GET /api/v1/workers, or null to place it anywhere.");
        }
    }

    public Stream changeRecording(String id, String record) {
        existing(id);
        requireRecordMode(record);
        Stream changed = streams.changeRecording(id, record);
        audit.record(actors.current(), "stream.update", "stream", id, "record=" + record);
        return changed;
    }

    /** Takes the stream's input from elsewhere; refused while it is live, as that would cut it. */
    public Stream changeInput(String id, InputRequest input) {
        Stream stream = existing(id);
        if (live.live(id).isPresent()) {
            throw ApiException.conflict(
                    "The stream '" + stream.name() + "' is live; its input can change once it is offline.");
        }
        Stream changed = inputs.saveWith(id, input, in -> streams.changeInput(id, in));
        audit.record(
                actors.current(),
                "stream.update",
                "stream",
                id,
                describe(changed.input()).trim());
        catalog.fire(
                new StreamCatalogChanged(id, stream.name(), StreamCatalogChanged.Change.INPUT_CHANGED, Instant.now()));
        return changed;
    }

    /** The input for the audit log: never the passphrase, only whether there is one. */
    private static String describe(StreamInput input) {
        if (!input.type().listens()) {
            return " input=rtmp";
        }
        return " input=" + input.type().id() + " port=" + input.port()
                + (input.group() == null ? "" : " group=" + input.group())
                + (input.encrypted() ? " passphrase=set" : "");
    }

    /** Sets or (with null) clears the instant after which the stream is deleted with its keys. */
    public Stream changeExpiry(String id, Instant expiresAt) {
        existing(id);
        Stream changed = streams.changeExpiry(id, expiresAt);
        audit.record(actors.current(), "stream.update", "stream", id, "expiresAt=" + expiresAt);
        return changed;
    }

    /** Reads an ISO-8601 instant such as 2030-01-31T12:00:00Z, or refuses it as a 400 on the field. */
    public static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid(
                    field, "'" + field + "' must be an ISO-8601 instant such as 2030-01-31T12:00:00Z.");
        }
    }

    public static void requireRecordMode(String record) {
        if (!Stream.RECORD_ALWAYS.equals(record) && !Stream.RECORD_OFF.equals(record)) {
            throw ApiException.invalid("record", "'record' must be \"always\" or \"off\".");
        }
    }

    /** Revokes the stream's keys and returns the new one, to be shown once. */
    public String rotateKey(String id) {
        Stream stream = existing(id);
        String key = streams.rotateKey(id);
        audit.record(actors.current(), "stream.rotate-key", "stream", id, "name=" + stream.name());
        return key;
    }

    public void delete(String id, boolean force) {
        Stream stream = existing(id);
        if (live.live(id).isPresent()) {
            if (!force) {
                throw ApiException.conflict("The stream '" + stream.name() + "' is live; stop the publisher or "
                        + "delete with force, which disconnects it.");
            }
            disconnects.fire(new PublisherDisconnectRequested(id, stream.name()));
        }
        streams.delete(id);
        audit.record(
                actors.current(), "stream.delete", "stream", id, "name=" + stream.name() + (force ? " forced" : ""));
        catalog.fire(new StreamCatalogChanged(id, stream.name(), StreamCatalogChanged.Change.DELETED, Instant.now()));
    }

    public Stream existing(String id) {
        return streams.find(id).orElseThrow(() -> ApiException.notFound("No stream with id '" + id + "'."));
    }

    private void existingLadder(String ladder) {
        if (ladder == null || !StreamNames.isValid(ladder) || !ladders.exists(ladder)) {
            throw ApiException.badRequest("No ladder named '" + ladder + "'; see GET /api/v1/ladders.");
        }
    }
}
