package org.headend.transcode.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ladders API's bodies as the OpenAPI document describes them, for client generators; the
 * resource reads them field by field ({@link org.headend.platform.JsonBody}) and checks them with
 * the ladder rules.
 */
final class LadderSchemas {

    private LadderSchemas() {}

    @Schema(name = "LadderCreate", description = "A new ladder with 1-8 renditions (none for passthrough)")
    record Create(
            @Schema(
                            required = true,
                            description = "1-63 lowercase letters, digits and dashes, not starting with a dash; "
                                    + "unique (409)",
                            pattern = "^[a-z0-9][a-z0-9-]{0,62}$")
                    String name,
            @Schema(description = "Copy the source instead of encoding", defaultValue = "false") Boolean passthrough,
            List<Rendition> renditions) {}

    @Schema(
            name = "LadderChange",
            description = "The ladder's new renditions; streams use them from their next publish. A ladder "
                    + "cannot be renamed: name, if given, must be the current one. 1-8 renditions")
    record Change(
            @Schema(description = "The current name (renaming is refused)") String name,
            @Schema(defaultValue = "false") Boolean passthrough,
            List<Rendition> renditions) {}

    /**
     * A class, not a record: Payara takes a {@code @Schema} on a method whose name contains "set"
     * ({@code preset()}) for a setter's and fails on its missing parameter.
     */
    @Schema(name = "RenditionRequest", description = "One rendition of a ladder")
    static final class Rendition {
        @Schema(
                required = true,
                description = "1-32 lowercase letters, digits and dashes; unique in the ladder",
                pattern = "^[a-z0-9][a-z0-9-]{0,31}$")
        String name;

        @Schema(required = true, description = "Even", minimum = "32", maximum = "3840")
        Integer width;

        @Schema(required = true, description = "Even", minimum = "32", maximum = "2160")
        Integer height;

        @Schema(required = true, minimum = "64", maximum = "50000")
        Integer videoKbps;

        @Schema(minimum = "32", maximum = "512", defaultValue = "128")
        Integer audioKbps;

        @Schema(description = "Frame-rate cap", minimum = "1", maximum = "120", defaultValue = "30")
        Integer maxFps;

        @Schema(
                enumeration = {"baseline", "main", "high"},
                defaultValue = "main")
        String profile;

        @Schema(
                enumeration = {"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow"},
                defaultValue = "veryfast")
        String preset;

        @Schema(
                description = "The H.264 encoder: auto takes the best the packager's host has (NVENC, QSV, "
                        + "VAAPI, else x264); a named one is used only on a host that has it, and a ladder "
                        + "asking for one no host has is not placed",
                enumeration = {"auto", "x264", "nvenc", "vaapi", "qsv"},
                defaultValue = "auto")
        String encoder;

        private Rendition() {}
    }
}
