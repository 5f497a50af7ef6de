package org.headend.stream.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A live channel: its public name is what players see in the HLS path and what metrics are
 * labelled with; the secret that lets an encoder publish to it lives in {@link StreamKey}.
 */
@Entity
@Table(name = "streams")
@NamedQuery(name = Stream.ALL, query = "SELECT s FROM Stream s ORDER BY s.name")
@NamedQuery(name = Stream.COUNT, query = "SELECT COUNT(s) FROM Stream s")
@NamedQuery(name = Stream.BY_NAME, query = "SELECT s FROM Stream s WHERE s.name = :name")
@NamedQuery(name = Stream.EXPIRED, query = "SELECT s FROM Stream s WHERE s.expiresAt < :now")
@NamedQuery(name = Stream.LISTENING, query = "SELECT s FROM Stream s WHERE s.input.port IS NOT NULL")
@NamedQuery(name = Stream.BY_INPUT_PORT, query = "SELECT s FROM Stream s WHERE s.input.port = :port")
@NamedQuery(name = Stream.COUNT_BY_LADDER, query = "SELECT COUNT(s) FROM Stream s WHERE s.ladder = :ladder")
public class Stream {

    public static final String ALL = "Stream.all";
    public static final String COUNT = "Stream.count";
    public static final String BY_NAME = "Stream.byName";
    public static final String COUNT_BY_LADDER = "Stream.countByLadder";
    public static final String EXPIRED = "Stream.expired";
    public static final String LISTENING = "Stream.listening";
    public static final String BY_INPUT_PORT = "Stream.byInputPort";
    public static final String RECORD_ALWAYS = "always";
    public static final String RECORD_OFF = "off";

    @Id
    private String id;

    private String name;

    @Column(name = "ladder_name")
    private String ladder;

    @Column(name = "created_at")
    private Instant createdAt;

    /** {@link #RECORD_ALWAYS} records every time the stream is live; {@link #RECORD_OFF} only on demand. */
    private String record = RECORD_OFF;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** Two packagers (primary and backup) while live, failed over between as origins. */
    private boolean redundancy;

    /** Plays without a signed token when true; protected otherwise. */
    @Column(name = "public_playback")
    private boolean publicPlayback;

    /** The worker an operator pinned the packagers to; null lets Headend place them. */
    private String worker;

    @Embedded
    private StreamInput input = StreamInput.rtmp();

    @Version
    private long version;

    protected Stream() {}

    public Stream(String name, String ladder) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.ladder = ladder;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String ladder() {
        return ladder;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void useLadder(String newLadder) {
        this.ladder = newLadder;
    }

    public boolean redundancy() {
        return redundancy;
    }

    public void makeRedundant(boolean on) {
        this.redundancy = on;
    }

    public String record() {
        return record;
    }

    public boolean recordsAlways() {
        return RECORD_ALWAYS.equals(record);
    }

    public void recordWith(String mode) {
        this.record = mode;
    }

    public boolean isPublic() {
        return publicPlayback;
    }

    public void playPublicly(boolean open) {
        this.publicPlayback = open;
    }

    public StreamInput input() {
        return input == null ? StreamInput.rtmp() : input;
    }

    public void takeInputFrom(StreamInput newInput) {
        this.input = newInput;
    }

    /** The worker the packagers are pinned to, or null for automatic placement. */
    public String worker() {
        return worker;
    }

    public void pinTo(String workerName) {
        this.worker = workerName;
    }

    /** When the stream is to be deleted, or null to keep it. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public void expireAt(Instant at) {
        this.expiresAt = at;
    }
}
