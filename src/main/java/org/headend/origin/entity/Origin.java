package org.headend.origin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An external HLS origin a stream can be played from: Headend watches it and fails over to it, but
 * does not run it. The lower the priority number, the more it is preferred.
 */
@Entity
@Table(name = "origins")
@NamedQuery(
        name = Origin.OF_STREAM,
        query = "SELECT o FROM Origin o WHERE o.streamId = :stream ORDER BY o.priority, o.name")
@NamedQuery(name = Origin.ALL, query = "SELECT o FROM Origin o ORDER BY o.streamId, o.priority, o.name")
@NamedQuery(name = Origin.COUNT_OF_STREAM, query = "SELECT COUNT(o) FROM Origin o WHERE o.streamId = :stream")
public class Origin {

    public static final String OF_STREAM = "Origin.ofStream";
    public static final String ALL = "Origin.all";
    public static final String COUNT_OF_STREAM = "Origin.countOfStream";

    @Id
    private String id;

    @Column(name = "stream_id")
    private String streamId;

    private String name;
    private String url;
    private int priority;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Origin() {}

    public Origin(String streamId, String name, String url, int priority) {
        this.id = UUID.randomUUID().toString();
        this.streamId = streamId;
        this.name = name;
        this.url = url;
        this.priority = priority;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String streamId() {
        return streamId;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public int priority() {
        return priority;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
