-- Every event position the projections have committed (SPEC §4 read-your-writes). Written in the same transaction as
-- the read model changes of the event; a redelivered event finds its row and adds nothing. Positions start at 1.
CREATE TABLE processed_position (
    position     BIGINT                   NOT NULL PRIMARY KEY,
    event_id     VARCHAR(255),
    event_type   VARCHAR(255),
    aggregate_id VARCHAR(255),
    recorded_at  TIMESTAMP WITH TIME ZONE,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
