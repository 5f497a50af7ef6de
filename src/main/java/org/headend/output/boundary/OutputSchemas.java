package org.headend.output.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outputs API's bodies as the OpenAPI document describes them, for client generators; the
 * resource reads them field by field ({@link org.headend.platform.JsonBody}).
 */
final class OutputSchemas {

    private OutputSchemas() {}

    private static final String URL = "rtmp:// or rtmps:// (the last path segment is the key), srt:// (caller; "
            + "mode=listener, passphrase, streamid, latency), udp:// (MPEG-TS, unicast or multicast with ttl) "
            + "or rtsp://";

    @Schema(name = "OutputCreate", description = "A new restream output")
    record Create(
            @Schema(
                            required = true,
                            description = "1-63 letters, digits, spaces, dots, dashes or underscores",
                            pattern = "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$")
                    String name,
            @Schema(required = true, description = URL) String url,
            @Schema(description = "Runs while the stream is live", defaultValue = "true") Boolean enabled,
            @Schema(description = "Send this rendition of the stream's ladder instead of the source (400 if unknown)")
                    String rendition) {}

    @Schema(
            name = "OutputChange",
            description = "The output's new settings; a running output restarts with them. An output cannot "
                    + "be renamed: name, if given, must be the current one")
    record Change(
            @Schema(description = "The current name (renaming is refused)") String name,
            @Schema(required = true, description = URL) String url,
            @Schema(description = "Default: unchanged") Boolean enabled,
            @Schema(description = "A rendition of the ladder; left out: the source") String rendition) {}
}
