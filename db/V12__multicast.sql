-- Multicast senders: a stream (or one rendition of it) sent as MPEG-TS to a group on the LAN.
-- A group and port carry one sender only, whichever stream it belongs to.

CREATE TABLE multicast_senders (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    stream_id       VARCHAR(36)  NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    group_address   VARCHAR(15)  NOT NULL,
    port            INTEGER      NOT NULL,
    ttl             INTEGER      NOT NULL,
    interface_name  VARCHAR(15)  NOT NULL,
    rendition       VARCHAR(32),
    format          VARCHAR(8)   NOT NULL,
    announce        BOOLEAN      NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT multicast_senders_destination UNIQUE (group_address, port)
);

CREATE INDEX multicast_senders_by_stream ON multicast_senders (stream_id);
