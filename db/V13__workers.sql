-- Worker hosts: machines Headend signs in to over SSH (with its own key) to run transcoding jobs.
-- The host key is pinned here at registration; a worker that presents another one is refused.
-- The name is the worker's identity in URLs, metric labels and a process's host.

CREATE TABLE workers (
    name        VARCHAR(40)    NOT NULL PRIMARY KEY,
    host        VARCHAR(253)   NOT NULL,
    port        INTEGER        NOT NULL,
    -- The non-root account the work runs as ("user" is a reserved word in PostgreSQL).
    login       VARCHAR(32)    NOT NULL,
    -- One ssh-keyscan line or its "type base64" part: public, no secret.
    host_key    VARCHAR(4096)  NOT NULL,
    slots       INTEGER        NOT NULL,
    -- An operator drained it: it takes no new jobs, also after a restart of the app.
    drained     BOOLEAN        NOT NULL,
    created_at  TIMESTAMP      NOT NULL,
    version     BIGINT         NOT NULL
);
