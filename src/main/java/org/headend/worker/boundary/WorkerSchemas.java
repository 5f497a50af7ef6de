package org.headend.worker.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The workers API's bodies as the OpenAPI document describes them, for client generators; the
 * resource reads them field by field ({@link org.headend.platform.JsonBody}).
 */
final class WorkerSchemas {

    private WorkerSchemas() {}

    private static final String HOST = "A hostname or an IP address";
    private static final String USER = "A POSIX user name, never root: the work runs as this user";
    private static final String HOST_KEY =
            "The worker's host key, pinned: one ssh-keyscan line, or its 'type base64' part (ssh-ed25519, ssh-rsa, "
                    + "ecdsa-sha2-nistp256/384/521); a worker presenting another key is refused";

    @Schema(
            name = "WorkerCreate",
            description = "A worker host to register; a name in use is 409",
            requiredProperties = {"name", "host", "user", "hostKey"})
    record Create(
            @Schema(
                            description = "1-40 lowercase letters, digits and dashes; not 'local', 'none' or 'ssh-key'",
                            pattern = "^[a-z0-9][a-z0-9-]{0,39}$")
                    String name,
            @Schema(description = HOST, maxLength = 253) String host,
            @Schema(minimum = "1", maximum = "65535", defaultValue = "22") Integer port,
            @Schema(description = USER, pattern = "^[a-z_][a-z0-9_-]{0,31}$") String user,
            @Schema(description = HOST_KEY, maxLength = 4096) String hostKey,
            @Schema(description = "Jobs the worker takes at once", minimum = "1", maximum = "256", defaultValue = "2")
                    Integer slots) {}

    @Schema(name = "WorkerChange", description = "Any of the fields; what is left out stays; the name cannot change")
    record Change(
            @Schema(description = "The worker's own name, if given; another is refused") String name,
            @Schema(description = HOST, maxLength = 253) String host,
            @Schema(minimum = "1", maximum = "65535") Integer port,
            @Schema(description = USER, pattern = "^[a-z_][a-z0-9_-]{0,31}$") String user,
            @Schema(description = HOST_KEY, maxLength = 4096) String hostKey,
            @Schema(minimum = "1", maximum = "256") Integer slots) {}
}
