package org.headend.security.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.headend.security.entity.User;

/** A local user as the API shows it: never its password or hash. */
public record UserJson(String username, String role, boolean enabled, Instant createdAt) implements Serializable {

    static UserJson of(User user) {
        return new UserJson(user.username(), user.role().id(), user.enabled(), user.createdAt());
    }
}
