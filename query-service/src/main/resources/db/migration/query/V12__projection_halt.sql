-- Where the projections stopped on a JVM error (OutOfMemoryError, StackOverflowError, ...): one row per partition of
-- the topic, naming the record being decoded or projected and how many times in a row the instance stopped at that
-- very record. A JVM error is not the record's fault, so the record is not parked; but a record at which the instance
-- stops again after each restart (restarts reaching ledger.projections.fetch.restarts-before-parking) is parked,
-- undecoded, for an admin to decide. The row is deleted once the record is applied or parked.
CREATE TABLE projection_halt (
    topic            VARCHAR(255)             NOT NULL,
    record_partition INTEGER                  NOT NULL,
    record_offset    BIGINT                   NOT NULL,
    restarts         INTEGER                  NOT NULL,
    last_error       VARCHAR                  NOT NULL,
    last_halt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (topic, record_partition)
);
