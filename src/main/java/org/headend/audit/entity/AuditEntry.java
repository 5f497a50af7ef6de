package org.headend.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited event. The detail never carries a secret: keys and passwords are not passed in. */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

    @Id
    private String id;

    private Instant at;
    private String actor;
    private String address;
    private String action;

    @Column(name = "object_type")
    private String objectType;

    @Column(name = "object_id")
    private String objectId;

    private String detail;

    protected AuditEntry() {}

    public AuditEntry(String actor, String address, String action, String objectType, String objectId, String detail) {
        this.id = UUID.randomUUID().toString();
        this.at = Instant.now();
        this.actor = actor;
        this.address = address;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail == null || detail.length() <= 1024 ? detail : detail.substring(0, 1024);
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String address() {
        return address;
    }

    public String action() {
        return action;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public String detail() {
        return detail;
    }
}
