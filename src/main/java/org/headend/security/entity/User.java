package org.headend.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A local operator account; the password is kept only as a PBKDF2 hash. Usernames are created in
 * lower case and found regardless of case ({@link #BY_KEY}), as directory names are.
 */
@Entity
@Table(name = "app_users")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.username")
@NamedQuery(name = User.BY_KEY, query = "SELECT u FROM User u WHERE LOWER(u.username) = :key")
@NamedQuery(
        name = User.COUNT_ENABLED_WITH_ROLE,
        query = "SELECT COUNT(u) FROM User u WHERE u.enabled = TRUE AND u.role = :role")
public class User {

    public static final String COUNT = "User.count";
    public static final String ALL = "User.all";
    public static final String BY_KEY = "User.byKey";
    public static final String COUNT_ENABLED_WITH_ROLE = "User.countEnabledWithRole";

    @Id
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    private String role;
    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    protected User() {}

    public User(String username, String passwordHash, Role role) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.id();
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return Role.of(role);
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void changeRole(Role newRole) {
        this.role = newRole.id();
    }

    public void enable(boolean on) {
        this.enabled = on;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean enabled() {
        return enabled;
    }
}
