package org.headend.output.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A destination a stream is copied to: its URL names the protocol (rtmp, rtmps, srt, udp, rtsp). */
@Entity
@Table(name = "outputs")
@NamedQuery(name = Output.OF_STREAM, query = "SELECT o FROM Output o WHERE o.streamId = :stream ORDER BY o.name")
@NamedQuery(name = Output.ALL, query = "SELECT o FROM Output o")
public class Output {

    public static final String OF_STREAM = "Output.ofStream";
    public static final String ALL = "Output.all";

    @Id
    private String id;

    @Column(name = "stream_id")
    private String streamId;

    private String name;
    private String url;
    private boolean enabled;
    private String rendition;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Output() {}

    public Output(String streamId, String name, String url, boolean enabled, String rendition) {
        this.id = UUID.randomUUID().toString();
        this.streamId = streamId;
        this.name = name;
        this.url = url;
        this.enabled = enabled;
        this.rendition = rendition;
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

    /** The URL as given, credentials included: for connecting only, never for showing. */
    public String url() {
        return url;
    }

    public boolean enabled() {
        return enabled;
    }

    public String rendition() {
        return rendition;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void change(String newUrl, boolean newEnabled, String newRendition) {
        this.url = newUrl;
        this.enabled = newEnabled;
        this.rendition = newRendition;
    }

    public void enable(boolean on) {
        this.enabled = on;
    }
}
