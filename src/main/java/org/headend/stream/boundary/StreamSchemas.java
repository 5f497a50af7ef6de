package org.headend.stream.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The streams API's bodies as the OpenAPI document describes them, for client generators. The
 * resource reads its bodies field by field ({@link org.headend.platform.JsonBody}) to answer each
 * mistake with a precise problem; these records only document what it reads.
 */
final class StreamSchemas {

    private StreamSchemas() {}

    @Schema(name = "StreamCreate", description = "A new stream; input defaults to RTMP")
    record Create(
            @Schema(
                            required = true,
                            description = "1-63 lowercase letters, digits and dashes, not starting with a dash; "
                                    + "unique (409). Part of every player's URL",
                            pattern = "^[a-z0-9][a-z0-9-]{0,62}$",
                            example = "townhall")
                    String name,
            @Schema(description = "The ladder's name", defaultValue = "default") String ladder,
            @Schema(
                            description = "always: record whenever live; off: on demand only",
                            enumeration = {"always", "off"},
                            defaultValue = "off")
                    String record,
            @Schema(
                            type = SchemaType.STRING,
                            format = "date-time",
                            description = "After it the stream and its keys are deleted")
                    String expiresAt,
            InputRequest input,
            @Schema(name = "public", description = "Plays without a token", defaultValue = "false") Boolean open,
            @Schema(description = "Two packagers (default: headend.origins.redundant)") Boolean redundancy) {}

    @Schema(
            name = "StreamChange",
            description = "What to change; the ladder is required unless another field is given. "
                    + "A stream cannot be renamed: name, if given, must be the current one. "
                    + "A new input is refused while the stream is live (409)")
    record Change(
            @Schema(description = "The current name (renaming is refused)") String name,
            @Schema(description = "The ladder's name, used from the next publish") String ladder,
            @Schema(enumeration = {"always", "off"}) String record,
            @Schema(type = SchemaType.STRING, format = "date-time", nullable = true, description = "null clears it")
                    String expiresAt,
            InputRequest input,
            @Schema(name = "public", description = "At once: false makes the unsigned URL answer 403") Boolean open,
            @Schema(description = "Two packagers, from the next publish") Boolean redundancy,
            @Schema(
                            nullable = true,
                            description = "Pin the packagers to this worker (moved at once if live); null: automatic")
                    String worker) {}

    @Schema(name = "StreamPage", description = "One page of streams")
    record Page(List<StreamJson> items, int page, int size, long total) {}
}
