package org.headend.multicast.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A multicast sender as configured: which stream (or rendition) goes to which group and port, out
 * of which interface, in which format, and whether it is announced over SAP. The API calls it a
 * sender; it is a channel to the receivers on the LAN.
 */
@Entity
@Table(name = "multicast_senders")
@NamedQuery(
        name = MulticastChannel.OF_STREAM,
        query = "SELECT m FROM MulticastChannel m WHERE m.streamId = :stream ORDER BY m.createdAt")
@NamedQuery(name = MulticastChannel.ALL, query = "SELECT m FROM MulticastChannel m ORDER BY m.createdAt")
public class MulticastChannel {

    public static final String OF_STREAM = "MulticastChannel.ofStream";
    public static final String ALL = "MulticastChannel.all";

    @Id
    private String id;

    @Column(name = "stream_id")
    private String streamId;

    @Column(name = "group_address")
    private String group;

    private int port;
    private int ttl;

    @Column(name = "interface_name")
    private String networkInterface;

    private String rendition;

    @Enumerated(EnumType.STRING)
    private MulticastFormat format;

    private boolean announce;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected MulticastChannel() {}

    public MulticastChannel(
            String streamId,
            GroupEndpoint destination,
            int ttl,
            String networkInterface,
            String rendition,
            MulticastFormat format,
            boolean announce) {
        this.id = UUID.randomUUID().toString();
        this.streamId = streamId;
        this.group = destination.group();
        this.port = destination.port();
        this.ttl = ttl;
        this.networkInterface = networkInterface;
        this.rendition = rendition;
        this.format = format;
        this.announce = announce;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String streamId() {
        return streamId;
    }

    public GroupEndpoint destination() {
        return new GroupEndpoint(group, port);
    }

    public int ttl() {
        return ttl;
    }

    public String networkInterface() {
        return networkInterface;
    }

    /** The ladder rendition sent, or null for the whole source. */
    public String rendition() {
        return rendition;
    }

    public MulticastFormat format() {
        return format;
    }

    public boolean announce() {
        return announce;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The receivers' URL: {@code udp://@239.255.0.1:30000} (or {@code rtp://@...}). */
    public String receiverUrl() {
        return (format == MulticastFormat.RTP ? "rtp" : "udp") + "://@" + group + ":" + port;
    }
}
