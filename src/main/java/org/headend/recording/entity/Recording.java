package org.headend.recording.entity;

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
 * One recording of a live stream. It keeps the stream's name because it outlives the stream; its
 * file is below the data directory, named relative to it so the directory can move.
 */
@Entity
@Table(name = "recordings")
@NamedQuery(name = Recording.ALL, query = "SELECT r FROM Recording r ORDER BY r.startedAt DESC")
@NamedQuery(name = Recording.COUNT, query = "SELECT COUNT(r) FROM Recording r")
@NamedQuery(
        name = Recording.OF_STREAM,
        query = "SELECT r FROM Recording r WHERE r.streamId = :stream ORDER BY r.startedAt DESC")
@NamedQuery(name = Recording.COUNT_OF_STREAM, query = "SELECT COUNT(r) FROM Recording r WHERE r.streamId = :stream")
@NamedQuery(name = Recording.IN_STATES, query = "SELECT r FROM Recording r WHERE r.state IN :states")
@NamedQuery(
        name = Recording.STORED_BYTES,
        query = "SELECT COALESCE(SUM(r.sizeBytes), 0) FROM Recording r WHERE r.state = :state")
public class Recording {

    public static final String ALL = "Recording.all";
    public static final String COUNT = "Recording.count";
    public static final String OF_STREAM = "Recording.ofStream";
    public static final String COUNT_OF_STREAM = "Recording.countOfStream";
    public static final String IN_STATES = "Recording.inStates";
    public static final String STORED_BYTES = "Recording.storedBytes";
    public static final String TRIGGER_ALWAYS = "always";
    public static final String TRIGGER_MANUAL = "manual";

    @Id
    private String id;

    @Column(name = "stream_id")
    private String streamId;

    @Column(name = "stream_name")
    private String streamName;

    @Enumerated(EnumType.STRING)
    private RecordingState state;

    @Column(name = "trigger_kind")
    private String trigger;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_ms")
    private long durationMillis;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "file_path")
    private String filePath;

    private String reason;

    private int restarts;

    @Version
    private long version;

    protected Recording() {}

    public Recording(String streamId, String streamName, String trigger) {
        this.id = UUID.randomUUID().toString();
        this.streamId = streamId;
        this.streamName = streamName;
        this.trigger = trigger;
        this.state = RecordingState.RECORDING;
        this.startedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String streamId() {
        return streamId;
    }

    public String streamName() {
        return streamName;
    }

    public RecordingState state() {
        return state;
    }

    public String trigger() {
        return trigger;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String filePath() {
        return filePath;
    }

    public String reason() {
        return reason;
    }

    public int restarts() {
        return restarts;
    }

    public void restarted() {
        restarts++;
    }

    public void finalizing(Instant ended) {
        this.state = RecordingState.FINALIZING;
        if (endedAt == null) {
            this.endedAt = ended;
        }
    }

    public void ready(String file, long bytes, long millis) {
        this.state = RecordingState.READY;
        this.filePath = file;
        this.sizeBytes = bytes;
        this.durationMillis = millis;
        this.reason = null;
    }

    public void failed(String why) {
        this.state = RecordingState.FAILED;
        this.reason = why == null || why.length() <= 500 ? why : why.substring(0, 500);
        if (endedAt == null) {
            this.endedAt = Instant.now();
        }
    }
}
