package org.headend.origin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.origin.control.OriginMonitor;
import org.headend.origin.control.OriginSource;
import org.headend.origin.control.OriginSources;
import org.headend.origin.control.OriginStore;
import org.headend.origin.control.OriginUrl;
import org.headend.origin.entity.Origin;
import org.headend.platform.ApiException;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;

/** Adding, listing and removing a stream's origins and choosing one by hand, for API and console alike; audited. */
@RequestScoped
@Transactional
public class OriginOperations {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}");

    @Inject
    OriginStore origins;

    @Inject
    StreamStore streams;

    @Inject
    OriginMonitor monitor;

    @Inject
    OriginSources sources;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    public Origin create(String streamId, String name, String url, int priority) {
        Stream stream = stream(streamId);
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid(
                    "name", "'name' must be 1-63 letters, digits, spaces, dots, dashes or underscores.");
        }
        if (name.equals(OriginSource.LOCAL)) {
            throw ApiException.invalid("name", "'local' names the stream's own packager.");
        }
        OriginUrl.parse(url);
        if (priority < 0 || priority > 1000) {
            throw ApiException.invalid("priority", "'priority' must be 0 to 1000 (lower is preferred).");
        }
        if (origins.ofStream(streamId).stream().anyMatch(o -> o.name().equals(name))) {
            throw ApiException.conflict("The stream already has an origin named '" + name + "'.");
        }
        Origin origin = origins.create(new Origin(streamId, name, url, priority));
        audit.record(
                actors.current(),
                "origin.create",
                "origin",
                origin.id(),
                "stream=" + stream.name() + " name=" + name + " url=" + url);
        return origin;
    }

    public List<OriginJson> list(String streamId) {
        Stream stream = stream(streamId);
        var preferred = monitor.preferred(streamId).orElse(null);
        return sources(stream).stream()
                .map(s -> OriginJson.of(s, monitor.status(streamId, s.id()), s.id().equals(preferred)))
                .toList();
    }

    public OriginJson one(String streamId, String originId) {
        return list(streamId).stream()
                .filter(o -> o.id().equals(originId))
                .findFirst()
                .orElseThrow(() -> notFound(originId));
    }

    public void delete(String streamId, String originId) {
        Stream stream = stream(streamId);
        Origin origin = origins.find(originId)
                .filter(o -> o.streamId().equals(streamId))
                .orElseThrow(() -> notFound(originId));
        origins.delete(originId);
        audit.record(
                actors.current(),
                "origin.delete",
                "origin",
                originId,
                "stream=" + stream.name() + " name=" + origin.name());
    }

    /** The manual override: playback moves to this origin now (unless it is down) and stays while it is up. */
    public OriginJson activate(String streamId, String originId) {
        Stream stream = stream(streamId);
        var sources = sources(stream);
        OriginSource chosen = sources.stream()
                .filter(s -> s.id().equals(originId))
                .findFirst()
                .orElseThrow(() -> notFound(originId));
        monitor.prefer(streamId, stream.name(), originId, sources);
        audit.record(
                actors.current(),
                "origin.activate",
                "origin",
                originId,
                "stream=" + stream.name() + " name=" + chosen.name());
        return one(streamId, originId);
    }

    public List<OriginJson> automatic(String streamId) {
        Stream stream = stream(streamId);
        monitor.automatic(streamId, stream.name(), sources(stream));
        audit.record(actors.current(), "origin.auto", "stream", streamId, "stream=" + stream.name());
        return list(streamId);
    }

    private List<OriginSource> sources(Stream stream) {
        return sources.of(stream.id(), stream.name(), origins.ofStream(stream.id()));
    }

    public Stream stream(String streamId) {
        return streams.find(streamId).orElseThrow(() -> ApiException.notFound("No stream with id '" + streamId + "'."));
    }

    private static ApiException notFound(String originId) {
        return ApiException.notFound("No origin with id '" + originId + "' on this stream.");
    }
}
