package org.headend.multicast.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The multicast API's body as the OpenAPI document describes it, for client generators; the
 * resource reads it field by field ({@link org.headend.platform.JsonBody}).
 */
final class MulticastSchemas {

    private MulticastSchemas() {}

    @Schema(name = "MulticastCreate", description = "A new multicast sender; a group and port in use is 409")
    record Create(
            @Schema(
                            description = "IPv4 multicast address, not 224.0.0.0/24 nor the SAP group; "
                                    + "allocated when left out",
                            example = "239.255.0.1")
                    String group,
            @Schema(description = "Allocated when left out", minimum = "1", maximum = "65535") Integer port,
            @Schema(minimum = "1", maximum = "255", defaultValue = "1") Integer ttl,
            @Schema(
                            name = "interface",
                            required = true,
                            description = "An interface that is up, multicast-capable (or lo) and has IPv4",
                            pattern = "^[A-Za-z0-9][A-Za-z0-9_.@-]{0,14}$")
                    String networkInterface,
            @Schema(description = "One of the ladder's renditions (400 naming them); left out: the source")
                    String rendition,
            @Schema(
                            enumeration = {"udp", "rtp"},
                            defaultValue = "udp")
                    String format,
            @Schema(description = "Announce it by SAP", defaultValue = "true") Boolean announce) {}
}
