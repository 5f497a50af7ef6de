package org.headend.security.entity;

import java.util.Arrays;

/** What a signed-in caller may do; carried in the {@code groups} claim of API tokens. */
public enum Role {
    ADMIN("admin"),
    OPERATOR("operator"),
    VIEWER("viewer");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** This role, or {@code cap} when cap is the less powerful of the two (roles are declared strongest first). */
    public Role cappedAt(Role cap) {
        return compareTo(cap) >= 0 ? this : cap;
    }

    public static Role of(String id) {
        return Arrays.stream(values())
                .filter(r -> r.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role " + id));
    }
}
