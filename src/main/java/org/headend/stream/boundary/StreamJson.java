package org.headend.stream.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamState;

/**
 * A stream as the API shows it. {@code streamKey} is filled only in the answers to creation and
 * key rotation, and left out everywhere else. {@code ingestUrl} is where encoders send to, whatever
 * the input's type; {@code input} tells the type and, for SRT and UDP, the listener's state.
 * {@code playbackUrl} plays for whoever asked: for a protected stream it carries a fresh token.
 */
@Schema(name = "StreamJson", description = "A stream")
public record StreamJson(
        String id,
        String name,
        String ladder,
        StreamState state,
        String ingestUrl,
        InputJson input,
        String playbackUrl,
        Instant createdAt,
        String record,
        Instant expiresAt,
        boolean redundancy,
        @JsonbProperty("public") @Schema(name = "public") boolean isPublic,
        @Schema(description = "The worker its packagers are pinned to; null when Headend places them", nullable = true)
                String worker,
        @Schema(description = "The stream key: only in the answers to creation and key rotation") String streamKey) {

    static StreamJson of(Stream stream, StreamState state, InputJson input, String playbackUrl, String key) {
        return new StreamJson(
                stream.id(),
                stream.name(),
                stream.ladder(),
                state,
                input.url(),
                input,
                playbackUrl,
                stream.createdAt(),
                stream.record(),
                stream.expiresAt(),
                stream.redundancy(),
                stream.isPublic(),
                stream.worker(),
                key);
    }
}
