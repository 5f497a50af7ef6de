-- Webhooks: HTTP receivers told of stream, output and recording events. The secret signs every
-- body (HMAC-SHA256); it is kept sealed (AES-GCM under a key in headend.home/keys), never in clear.
CREATE TABLE webhooks (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    url            VARCHAR(2048)  NOT NULL,
    -- The event types subscribed to, comma-separated, e.g. 'stream.live,stream.offline'.
    events         VARCHAR(256)   NOT NULL,
    secret_sealed  VARCHAR(512)   NOT NULL,
    -- The last four characters of the secret, shown so an admin can tell secrets apart.
    secret_hint    VARCHAR(8)     NOT NULL,
    created_at     TIMESTAMP      NOT NULL,
    version        BIGINT         NOT NULL
);

-- One row per event per webhook, written before any attempt so a restart keeps what is pending.
CREATE TABLE webhook_deliveries (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    webhook_id       VARCHAR(36)    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_type       VARCHAR(32)    NOT NULL,
    body             VARCHAR(8192)  NOT NULL,
    attempts         INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP,
    -- PENDING, DELIVERED or FAILED
    state            VARCHAR(16)    NOT NULL,
    last_status      INTEGER,
    last_error       VARCHAR(512),
    created_at       TIMESTAMP      NOT NULL,
    delivered_at     TIMESTAMP
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_of_webhook ON webhook_deliveries (webhook_id, created_at);
