package org.headend.stream.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.headend.audit.boundary.Audit;
import org.headend.ingest.control.PublishAuthorizer;
import org.headend.platform.ApiException;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamNames;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.transcode.control.LadderStore;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * What an operator can do to a stream, for the API and the console alike: the same validation,
 * the same refusals (as {@link ApiException}s whose message can be shown as is) and the same audit
 * entries, whichever door the request came through.
 */
@RequestScoped
public class StreamOperations {

    @Inject
    StreamStore streams;

    @Inject
    LadderStore ladders;

    @Inject
    LiveStreams live;

    @Inject
    TranscoderSupervisor transcoders;

    @Inject
    PublishAuthorizer publishing;

    @Inject
    Audit audit;

    @Inject
    Event<StreamCatalogChanged> catalog;

    public StreamStore.Created create(String name, String ladder) {
        StreamNames.require("name", name);
        existingLadder(ladder);
        if (streams.byName(name).isPresent()) {
            throw ApiException.conflict("A stream named '" + name + "' already exists.");
        }
        var created = streams.create(name, ladder);
        audit.record("stream.create", "stream", created.stream().id(), "name=" + name + " ladder=" + ladder);
        catalog.fire(new StreamCatalogChanged(
                created.stream().id(), name, StreamCatalogChanged.Change.CREATED, Instant.now()));
        return created;
    }

    public Stream changeLadder(String id, String ladder) {
        existing(id);
        existingLadder(ladder);
        Stream changed = streams.changeLadder(id, ladder);
        audit.record("stream.update", "stream", id, "ladder=" + ladder);
        return changed;
    }

    /** Revokes the stream's keys and returns the new one, to be shown once. */
    public String rotateKey(String id) {
        Stream stream = existing(id);
        String key = streams.rotateKey(id);
        audit.record("stream.rotate-key", "stream", id, "name=" + stream.name());
        return key;
    }

    public void delete(String id, boolean force) {
        Stream stream = existing(id);
        if (live.live(id).isPresent()) {
            if (!force) {
                throw ApiException.conflict("The stream '" + stream.name() + "' is live; stop the publisher or "
                        + "delete with force, which disconnects it.");
            }
            publishing.endPublishing(id, stream.name());
        }
        streams.delete(id);
        audit.record("stream.delete", "stream", id, "name=" + stream.name() + (force ? " forced" : ""));
        transcoders.removeOutput(stream.name());
        catalog.fire(new StreamCatalogChanged(id, stream.name(), StreamCatalogChanged.Change.DELETED, Instant.now()));
    }

    public Stream existing(String id) {
        return streams.find(id).orElseThrow(() -> ApiException.notFound("No stream with id '" + id + "'."));
    }

    private void existingLadder(String ladder) {
        if (ladder == null
                || !StreamNames.isValid(ladder)
                || ladders.find(ladder).isEmpty()) {
            throw ApiException.badRequest("No ladder named '" + ladder + "'; see GET /api/v1/ladders.");
        }
    }
}
