-- Audit trail: who did what, when, from where, to which object. Rows are only ever inserted.
CREATE TABLE audit_entries (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    at           TIMESTAMP     NOT NULL,
    actor        VARCHAR(128)  NOT NULL,
    address      VARCHAR(64),
    action       VARCHAR(64)   NOT NULL,
    object_type  VARCHAR(32),
    object_id    VARCHAR(128),
    detail       VARCHAR(1024)
);
CREATE INDEX audit_entries_at ON audit_entries (at);
CREATE INDEX audit_entries_actor ON audit_entries (actor);
CREATE INDEX audit_entries_object ON audit_entries (object_type, object_id);
