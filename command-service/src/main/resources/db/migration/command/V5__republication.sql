-- Re-publications of the event store into the topic (POST /api/admin/republications): every event from from_position
-- up to to_position (the highest position when it started), in global order, each with its own position. updated_at
-- is the heartbeat of the instance running it: a RUNNING one whose heartbeat stopped was interrupted. At most one runs
-- at a time, across instances: it holds the single row of republication_lock while it runs.
CREATE TABLE republication (
    republication_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    status           VARCHAR(20)              NOT NULL,
    requested_by     VARCHAR(255),
    from_position    BIGINT                   NOT NULL,
    to_position      BIGINT                   NOT NULL,
    events_total     BIGINT                   NOT NULL,
    events_published BIGINT                   NOT NULL,
    last_position    BIGINT,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    failure          VARCHAR
);

CREATE INDEX republication_by_start ON republication (started_at);

CREATE TABLE republication_lock (
    lock_name        VARCHAR(40)              NOT NULL PRIMARY KEY,
    republication_id VARCHAR(36)              NOT NULL,
    heartbeat_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
