package org.headend.stream.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.headend.stream.entity.ListenerStatus;

/**
 * A stream's input as the API shows it: never the passphrase itself, only whether there is one.
 * {@code listener} is the running SRT/UDP listener's status, null for RTMP.
 */
@Schema(name = "InputJson", description = "A stream's input")
public record InputJson(
        String type,
        Integer port,
        String group,
        @JsonbProperty("interface") @Schema(name = "interface") String networkInterface,
        Boolean encrypted,
        String url,
        ListenerStatus listener) {}
