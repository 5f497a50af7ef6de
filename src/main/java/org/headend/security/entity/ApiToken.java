package org.headend.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token: what it is called, whose it is and which role it carries. The secret is
 * shown once, when the token is made, and only its hash is kept. Revoked tokens are kept for the
 * record; they never authenticate again.
 */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(
        name = ApiToken.ACTIVE_OF_OWNER,
        query = "SELECT t FROM ApiToken t WHERE t.owner = :owner AND t.revokedAt IS NULL ORDER BY t.createdAt DESC")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String ACTIVE_OF_OWNER = "ApiToken.activeOfOwner";

    /** How stale {@code lastUsedAt} may get before a use writes it again: not one write per request. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    @Id
    private String id;

    @Column(name = "token_hash")
    private String tokenHash;

    private String name;
    private String owner;
    private String role;

    @Column(name = "local_owner")
    private boolean localOwner;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    public ApiToken(String tokenHash, String name, String owner, Role role, boolean localOwner, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.tokenHash = tokenHash;
        this.name = name;
        this.owner = owner;
        this.role = role.id();
        this.localOwner = localOwner;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public Role role() {
        return Role.of(role);
    }

    public boolean localOwner() {
        return localOwner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Null when the token never expires. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    /** Notes a use; true when that changed the row (at most once a minute). */
    public boolean usedAt(Instant now) {
        if (lastUsedAt != null && lastUsedAt.plus(USE_RESOLUTION).isAfter(now)) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }
}
