-- Verification of the event store (tamper evidence, org.borderledger.command.audit).

-- The seals a verification found intact together with every event before them; the incremental verification starts
-- after the latest. A copy of the seal as it was verified, so a seal rewritten afterwards shows.
CREATE TABLE verified_seal (
    position      BIGINT                   NOT NULL PRIMARY KEY,
    events_sealed BIGINT                   NOT NULL,
    chain_hash    VARCHAR(64)              NOT NULL,
    sealed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Full verifications, one at a time (running_slot is 1 while a job runs, null otherwise, and unique), with their
-- progress and result.
CREATE TABLE verification_job (
    id                  VARCHAR(36)              NOT NULL PRIMARY KEY,
    status              VARCHAR(16)              NOT NULL,
    requested_by        VARCHAR(255)             NOT NULL,
    events_total        BIGINT                   NOT NULL,
    events_checked      BIGINT                   NOT NULL DEFAULT 0,
    cancel_requested    BOOLEAN                  NOT NULL DEFAULT FALSE,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    valid               BOOLEAN,
    seals_checked       BIGINT,
    broken_position     BIGINT,
    broken_aggregate_id VARCHAR(255),
    broken_reason       TEXT,
    last_seal_position  BIGINT,
    failure             TEXT,
    running_slot        SMALLINT,
    CONSTRAINT verification_job_one_running UNIQUE (running_slot)
);

CREATE INDEX verification_job_started_at ON verification_job (started_at DESC);
