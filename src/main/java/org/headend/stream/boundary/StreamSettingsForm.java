package org.headend.stream.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The streams page's edit dialog: a stream's ladder, recording mode, playback, redundancy and
 * expiry as the form holds them, saved through {@link StreamOperations} one setting at a time and
 * only where it changed, so the audit log says what was changed.
 */
public class StreamSettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String ladder;
    private String record;
    private String expiresAt;
    private boolean open;
    private boolean redundancy;
    /** The pinned worker; empty for automatic placement. */
    private String worker;

    static StreamSettingsForm of(StreamsView.Row row) {
        var form = new StreamSettingsForm();
        form.ladder = row.ladder();
        form.record = row.record();
        form.expiresAt = row.expiresAt() == null ? null : row.expiresAt().toString();
        form.open = row.open();
        form.redundancy = row.redundancy();
        form.worker = row.worker() == null ? "" : row.worker();
        return form;
    }

    /** Refuses a bad expiry before anything is saved. */
    void saveChanges(StreamOperations operations, StreamsView.Row was) {
        Instant expiry = StreamsView.expiry(expiresAt);
        String id = was.id();
        if (!ladder.equals(was.ladder())) {
            operations.changeLadder(id, ladder);
        }
        if (!record.equals(was.record())) {
            operations.changeRecording(id, record);
        }
        if (!Objects.equals(expiry, was.expiresAt())) {
            operations.changeExpiry(id, expiry);
        }
        if (open != was.open()) {
            operations.changeVisibility(id, open);
        }
        if (redundancy != was.redundancy()) {
            operations.changeRedundancy(id, redundancy);
        }
        String pinned = worker == null || worker.isBlank() ? null : worker;
        if (!Objects.equals(pinned, was.worker())) {
            operations.changeWorker(id, pinned);
        }
    }

    public String getLadder() {
        return ladder;
    }

    public void setLadder(String ladder) {
        this.ladder = ladder;
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public String getWorker() {
        return worker;
    }

    public void setWorker(String worker) {
        this.worker = worker;
    }

    public boolean isRedundancy() {
        return redundancy;
    }

    public void setRedundancy(boolean redundancy) {
        this.redundancy = redundancy;
    }
}
