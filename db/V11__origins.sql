-- External HLS origins of a stream: Headend probes them and fails playback over between them and
-- its own packager. The lower the priority number, the more an origin is preferred.

CREATE TABLE origins (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    stream_id   VARCHAR(36)   NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    name        VARCHAR(63)   NOT NULL,
    url         VARCHAR(2048) NOT NULL,
    priority    INTEGER       NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT origins_stream_name UNIQUE (stream_id, name)
);

CREATE INDEX origins_by_stream ON origins (stream_id);

-- A redundant stream runs two packagers (primary and backup), each writing its own HLS origin.
ALTER TABLE streams ADD COLUMN redundancy BOOLEAN DEFAULT FALSE NOT NULL;
