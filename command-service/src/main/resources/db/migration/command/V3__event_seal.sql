-- Checkpoints of the global seal (tamper evidence, org.borderledger.command.audit): after each batch of the audit-seal
-- processor, the running SHA-256 chain over (position, event hash) of every event up to and including `position`, in
-- global order, and how many events that is. Deleting or reordering any event at or before a checkpoint changes the
-- chain recomputed at that checkpoint.
CREATE TABLE event_seal (
    position      BIGINT                   NOT NULL PRIMARY KEY,
    events_sealed BIGINT                   NOT NULL,
    chain_hash    VARCHAR(64)              NOT NULL,
    sealed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
