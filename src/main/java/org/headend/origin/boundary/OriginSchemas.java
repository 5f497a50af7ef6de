package org.headend.origin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The origins API's body as the OpenAPI document describes it, for client generators; the
 * resource reads it field by field ({@link org.headend.platform.JsonBody}).
 */
final class OriginSchemas {

    private OriginSchemas() {}

    @Schema(name = "OriginCreate", description = "A new external HLS origin")
    record Create(
            @Schema(
                            required = true,
                            description = "1-63 letters, digits, spaces, dots, dashes or underscores; not 'local' "
                                    + "(the packager's); unique per stream (409)",
                            pattern = "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$")
                    String name,
            @Schema(required = true, description = "http(s) URL of the origin's media or master playlist") String url,
            @Schema(description = "Lower is preferred", minimum = "0", maximum = "1000", defaultValue = "10")
                    Integer priority) {}
}
