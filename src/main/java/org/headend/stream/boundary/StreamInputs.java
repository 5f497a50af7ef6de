package org.headend.stream.boundary;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamInput;

/**
 * What the stream's API and pages need from ingest, which owns inputs and their listeners. A port
 * rather than a direct call so that ingest depends on stream and never the other way round.
 */
public interface StreamInputs {

    /**
     * Checks the request, chooses its port and hands the resulting input to {@code save};
     * {@code streamId} is null for a new stream.
     */
    <T> T saveWith(String streamId, InputRequest request, Function<StreamInput, T> save);

    /** Where an encoder sends to. */
    String ingestUrl(Stream stream, String requestHost);

    InputJson view(Stream stream, String requestHost);

    /** The last lines of the stream's SRT/UDP listener's log; empty when it has none. */
    Optional<List<String>> log(String streamId);
}
