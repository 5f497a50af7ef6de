package org.headend.ingest.boundary;

import java.util.Set;
import org.headend.platform.JsonBody;

/** The input a caller asks for, before validation; absent fields are null. */
public record InputRequest(String type, Integer port, String passphrase, String group, String networkInterface) {

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
