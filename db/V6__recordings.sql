-- Recordings of live streams: written by ffmpeg in segments below <home>/recordings/<id>/ and
-- finalised into one MP4. No foreign key to streams: a recording outlives the stream it came from,
-- which is why it keeps the stream's name.
CREATE TABLE recordings (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    stream_id    VARCHAR(36)   NOT NULL,
    stream_name  VARCHAR(63)   NOT NULL,
    -- RECORDING, FINALIZING, READY or FAILED
    state        VARCHAR(16)   NOT NULL,
    -- 'always' (the stream's setting started it) or 'manual' (an operator did)
    trigger_kind VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP     NOT NULL,
    ended_at     TIMESTAMP,
    duration_ms  BIGINT        NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    -- The finished MP4, relative to the data directory; null until READY.
    file_path    VARCHAR(255),
    reason       VARCHAR(512),
    version      BIGINT        NOT NULL
);
CREATE INDEX recordings_stream ON recordings (stream_id);
CREATE INDEX recordings_state ON recordings (state);

-- Whether a stream is recorded whenever it is live ('always') or only on demand ('off').
ALTER TABLE streams ADD COLUMN record VARCHAR(8) DEFAULT 'off' NOT NULL;
-- When set, the stream and its keys are deleted once this instant has passed.
ALTER TABLE streams ADD COLUMN expires_at TIMESTAMP;
