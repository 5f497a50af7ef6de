-- Restream outputs: each copies a stream (or one rendition of it) to an outside destination.
-- The URL may carry a destination's stream key: it is stored to connect, and shown only masked.

CREATE TABLE outputs (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    stream_id   VARCHAR(36)   NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    name        VARCHAR(63)   NOT NULL,
    url         VARCHAR(2048) NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    rendition   VARCHAR(32),
    created_at  TIMESTAMP     NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT outputs_stream_name UNIQUE (stream_id, name)
);

CREATE INDEX outputs_by_stream ON outputs (stream_id);
