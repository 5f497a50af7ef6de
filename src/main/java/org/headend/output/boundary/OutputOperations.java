package org.headend.output.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.output.control.OutputStore;
import org.headend.output.control.OutputSupervisor;
import org.headend.output.control.OutputUrl;
import org.headend.output.entity.Output;
import org.headend.platform.AfterCommit;
import org.headend.platform.ApiException;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.transcode.control.LadderStore;
import org.headend.transcode.entity.Rendition;

/**
 * Adding, changing, starting, stopping and removing a stream's outputs, for the API and the
 * console alike: validated before any process starts, audited with the URL masked.
 */
@RequestScoped
@Transactional
public class OutputOperations {

    /** Starting a process waits for the change's commit: a rolled-back change starts nothing. */
    @Inject
    AfterCommit afterCommit;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}");
    private static final Pattern RENDITION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    @Inject
    OutputStore outputs;

    @Inject
    StreamStore streams;

    @Inject
    LadderStore ladders;

    @Inject
    OutputSupervisor supervisor;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    public Output create(String streamId, String name, String url, boolean enabled, String rendition) {
        Stream stream = stream(streamId);
        requireName(name);
        OutputUrl destination = OutputUrl.parse(url);
        requireRendition(stream, rendition);
        if (outputs.ofStream(streamId).stream().anyMatch(o -> o.name().equals(name))) {
            throw ApiException.conflict("The stream already has an output named '" + name + "'.");
        }
        Output output = outputs.create(new Output(streamId, name, url, enabled, rendition));
        audit.record(actors.current(), "output.create", "output", output.id(), describe(stream, name, destination));
        afterCommit.run(() -> supervisor.run(output, stream.name()));
        return output;
    }

    public Output change(String streamId, String outputId, String url, boolean enabled, String rendition) {
        Stream stream = stream(streamId);
        existing(streamId, outputId);
        OutputUrl destination = OutputUrl.parse(url);
        requireRendition(stream, rendition);
        supervisor.halt(outputId);
        Output output = outputs.change(outputId, url, enabled, rendition);
        audit.record(
                actors.current(), "output.update", "output", outputId, describe(stream, output.name(), destination));
        afterCommit.run(() -> supervisor.run(output, stream.name()));
        return output;
    }

    public Output start(String streamId, String outputId) {
        Stream stream = stream(streamId);
        existing(streamId, outputId);
        Output output = outputs.enable(outputId, true);
        audit.record(
                actors.current(),
                "output.start",
                "output",
                outputId,
                "stream=" + stream.name() + " name=" + output.name());
        afterCommit.run(() -> supervisor.run(output, stream.name()));
        return output;
    }

    public Output stop(String streamId, String outputId) {
        Stream stream = stream(streamId);
        existing(streamId, outputId);
        supervisor.halt(outputId);
        Output output = outputs.enable(outputId, false);
        audit.record(
                actors.current(),
                "output.stop",
                "output",
                outputId,
                "stream=" + stream.name() + " name=" + output.name());
        return output;
    }

    public void delete(String streamId, String outputId) {
        Stream stream = stream(streamId);
        Output output = existing(streamId, outputId);
        supervisor.halt(outputId);
        outputs.delete(outputId);
        audit.record(
                actors.current(),
                "output.delete",
                "output",
                outputId,
                "stream=" + stream.name() + " name=" + output.name());
    }

    public Output existing(String streamId, String outputId) {
        return outputs.find(outputId)
                .filter(o -> o.streamId().equals(streamId))
                .orElseThrow(() -> ApiException.notFound("No output with id '" + outputId + "' on this stream."));
    }

    public Stream stream(String streamId) {
        return streams.find(streamId).orElseThrow(() -> ApiException.notFound("No stream with id '" + streamId + "'."));
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid(
                    "name", "'name' must be 1-63 letters, digits, spaces, dots, dashes or underscores.");
        }
    }

    /**
     * The renditions an output of this stream can take: the ladder's, or {@code source} for a
     * passthrough ladder (the one HLS variant it writes).
     */
    public List<String> renditionNames(Stream stream) {
        return ladders.find(stream.ladder())
                .map(l -> l.passthrough()
                        ? List.of("source")
                        : l.renditions().stream().map(Rendition::name).toList())
                .orElse(List.of());
    }

    // Checked now, not when the stream goes live: an unknown name would otherwise only show as an
    // output retrying forever against a playlist that never exists.
    private void requireRendition(Stream stream, String rendition) {
        if (rendition == null) {
            return;
        }
        List<String> known = renditionNames(stream);
        if (!RENDITION.matcher(rendition).matches() || !known.contains(rendition)) {
            throw ApiException.invalid(
                    "rendition",
                    "'rendition' must name a rendition of the stream's ladder '" + stream.ladder() + "': "
                            + (known.isEmpty() ? "it has none" : String.join(", ", known))
                            + (RENDITION.matcher(rendition).matches() ? "; '" + rendition + "' is not one." : "."));
        }
    }

    private static String describe(Stream stream, String name, OutputUrl destination) {
        return "stream=" + stream.name() + " name=" + name + " url=" + destination.masked();
    }
}
