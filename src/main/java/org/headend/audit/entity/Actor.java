package org.headend.audit.entity;

/** Who did something, for the audit trail: a user's name (or "system") and the address it came from. */
public record Actor(String name, String address) {

    public static final Actor SYSTEM = new Actor("system", null);
}
