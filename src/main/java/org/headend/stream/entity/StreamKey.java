package org.headend.stream.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The hash of a secret that lets an encoder publish to a stream. The key itself is shown once, at
 * creation or rotation, and never stored.
 */
@Entity
@Table(name = "stream_keys")
@NamedQuery(
        name = StreamKey.ACTIVE_BY_HASH,
        query = "SELECT k FROM StreamKey k WHERE k.keyHash = :hash AND k.revokedAt IS NULL")
@NamedQuery(
        name = StreamKey.ACTIVE_OF_STREAM,
        query = "SELECT k FROM StreamKey k WHERE k.streamId = :stream AND k.revokedAt IS NULL")
public class StreamKey {

    public static final String ACTIVE_BY_HASH = "StreamKey.activeByHash";
    public static final String ACTIVE_OF_STREAM = "StreamKey.activeOfStream";

    @Id
    private String id;

    @Column(name = "stream_id")
    private String streamId;

    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StreamKey() {}

    public StreamKey(String streamId, String keyHash) {
        this.id = UUID.randomUUID().toString();
        this.streamId = streamId;
        this.keyHash = keyHash;
        this.createdAt = Instant.now();
    }

    public String streamId() {
        return streamId;
    }

    public void revoke() {
        this.revokedAt = Instant.now();
    }
}
