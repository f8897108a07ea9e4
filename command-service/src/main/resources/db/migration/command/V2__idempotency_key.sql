-- The answer given to each Idempotency-Key, written in the same transaction as the events it answers for: a retry
-- gets the same answer and records nothing, and a crash cannot separate the key from its events.
CREATE TABLE idempotency_key (
    submitter       VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(255),
    position        BIGINT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (submitter, idempotency_key)
);
