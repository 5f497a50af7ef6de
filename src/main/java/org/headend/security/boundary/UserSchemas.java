package org.headend.security.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The users API's bodies as the OpenAPI document describes them, for client generators; the
 * resource reads them field by field ({@link org.headend.platform.JsonBody}).
 */
final class UserSchemas {

    private UserSchemas() {}

    @Schema(name = "UserCreate", description = "A new local user")
    record Create(
            @Schema(
                            required = true,
                            description = "1-64 letters, digits, dots, dashes, underscores or @; unique (409)",
                            pattern = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
                    String username,
            @Schema(required = true, minLength = 10, maxLength = 256, writeOnly = true) String password,
            @Schema(
                            required = true,
                            enumeration = {"admin", "operator", "viewer"})
                    String role,
            @Schema(defaultValue = "true") Boolean enabled) {}

    @Schema(
            name = "UserChange",
            description = "Any of password, role and enabled; the last enabled admin cannot be disabled or "
                    + "demoted (409). A user cannot be renamed: username, if given, must be the current one")
    record Change(
            @Schema(description = "The current username (renaming is refused)") String username,
            @Schema(minLength = 10, maxLength = 256, writeOnly = true) String password,
            @Schema(enumeration = {"admin", "operator", "viewer"}) String role,
            Boolean enabled) {}
}
