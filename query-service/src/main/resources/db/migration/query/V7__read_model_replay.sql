-- Rebuilds of the read models from the start of the event topic (POST /api/admin/replays). topic_span is the JSON of
-- the topic's first and end offset per partition when the replay started: events_total is their difference summed,
-- and the replay is complete once the projections' token has passed every end offset. updated_at is the heartbeat of
-- the instance running it: a RUNNING replay whose heartbeat stopped was interrupted (the service stopped).
CREATE TABLE read_model_replay (
    replay_id        VARCHAR(36)              NOT NULL PRIMARY KEY,
    status           VARCHAR(20)              NOT NULL,
    requested_by     VARCHAR(255),
    events_total     BIGINT                   NOT NULL,
    events_processed BIGINT                   NOT NULL,
    topic_span       VARCHAR                  NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reset_at         TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    failure          VARCHAR
);

CREATE INDEX read_model_replay_by_start ON read_model_replay (started_at);

-- At most one replay or consistency check at a time, across every instance sharing this database: the job inserts the
-- single row 'read-models' (a second insert fails on the key) and keeps heartbeat_at fresh while it runs. A row whose
-- heartbeat is older than ledger.rebuild.stale-after belongs to a job that died and may be taken over.
CREATE TABLE read_model_lock (
    lock_name    VARCHAR(40)              NOT NULL PRIMARY KEY,
    job_kind     VARCHAR(20)              NOT NULL,
    job_id       VARCHAR(36)              NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
