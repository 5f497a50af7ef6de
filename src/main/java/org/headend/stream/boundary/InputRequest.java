package org.headend.stream.boundary;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.headend.platform.JsonBody;

/** The input a caller asks for, before validation; absent fields are null. */
@Schema(name = "InputRequest", description = "Where the stream's publisher sends to")
public record InputRequest(
        @Schema(
                        required = true,
                        enumeration = {"rtmp", "srt", "udp"})
                String type,
        @Schema(
                        description = "SRT/UDP listening port (1-65535) inside its configured range; "
                                + "default: the first free one. Out of range: 400; in use: 409",
                        minimum = "1",
                        maximum = "65535")
                Integer port,
        @Schema(description = "SRT only, optional: 10-79 characters", minLength = 10, maxLength = 79, writeOnly = true)
                String passphrase,
        @Schema(description = "UDP only: a multicast group address to join") String group,
        @Schema(name = "interface", description = "UDP only: the interface to join the group on")
                String networkInterface) {

    public static final InputRequest RTMP = new InputRequest("rtmp", null, null, null, null);
    private static final Set<String> FIELDS = Set.of("type", "port", "passphrase", "group", "interface");

    /** Reads the {@code input} object of a stream's JSON body. */
    public static InputRequest of(JsonBody input) {
        return new InputRequest(
                input.requiredString("type"),
                input.optionalInt("port").orElse(null),
                input.optionalString("passphrase").orElse(null),
                input.optionalString("group").orElse(null),
                input.optionalString("interface").orElse(null));
    }

    public static Set<String> fields() {
        return FIELDS;
    }
}
