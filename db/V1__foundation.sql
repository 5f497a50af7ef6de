-- Foundation schema: streams and their publish keys, transcoding ladders, local users.
-- Portable between H2 (embedded default) and PostgreSQL (production).

CREATE TABLE ladders (
    name         VARCHAR(63)  NOT NULL PRIMARY KEY,
    built_in     BOOLEAN      NOT NULL,
    passthrough  BOOLEAN      NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE TABLE ladder_renditions (
    ladder_name    VARCHAR(63) NOT NULL REFERENCES ladders (name) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    name           VARCHAR(32) NOT NULL,
    width          INTEGER     NOT NULL,
    height         INTEGER     NOT NULL,
    video_kbps     INTEGER     NOT NULL,
    audio_kbps     INTEGER     NOT NULL,
    max_fps        INTEGER     NOT NULL,
    profile        VARCHAR(16) NOT NULL,
    preset         VARCHAR(16) NOT NULL,
    PRIMARY KEY (ladder_name, position)
);

CREATE TABLE streams (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(63)  NOT NULL UNIQUE,
    ladder_name VARCHAR(63)  NOT NULL REFERENCES ladders (name),
    created_at  TIMESTAMP    NOT NULL,
    version     BIGINT       NOT NULL
);

-- Keys are stored only as SHA-256 hashes; a rotated key is revoked, kept for the record.
CREATE TABLE stream_keys (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    stream_id   VARCHAR(36)  NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    key_hash    VARCHAR(64)  NOT NULL UNIQUE,
    created_at  TIMESTAMP    NOT NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX stream_keys_stream ON stream_keys (stream_id);

CREATE TABLE app_users (
    username       VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(512) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    created_at     TIMESTAMP    NOT NULL
);
