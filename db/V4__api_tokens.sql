-- Personal API tokens: long-lived bearer secrets that a user makes for scripts and tools, and the
-- way users who sign in through OIDC reach the API. Only the SHA-256 of the secret is kept; a
-- revoked token stays, for the record.
CREATE TABLE api_tokens (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64)   NOT NULL UNIQUE,
    name          VARCHAR(64)   NOT NULL,
    owner         VARCHAR(128)  NOT NULL,
    -- The owner's role when the token was made; a local owner's current role caps it.
    role          VARCHAR(16)   NOT NULL,
    -- TRUE when the owner was a local user: the token then stops with that user's account.
    local_owner   BOOLEAN       NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    expires_at    TIMESTAMP,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP
);
CREATE INDEX api_tokens_owner ON api_tokens (owner);
