-- Consistency checks (POST /api/admin/consistency-checks): the read models rebuilt from the whole topic into a shadow
-- schema, compared with the live tables. compared_at is the JSON of the position both sides reflect (partition to the
-- offset of the last record processed); position_gaps, the partitions where the live side was not at that position
-- (it did not catch up in time, or kept moving), with both offsets. Only the first ledger.rebuild.max-differences differences are kept as lines;
-- differences_total counts them all. updated_at is the heartbeat of the instance running the check.
CREATE TABLE consistency_check (
    check_id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    status            VARCHAR(20)              NOT NULL,
    requested_by      VARCHAR(255),
    events_total      BIGINT                   NOT NULL,
    events_applied    BIGINT                   NOT NULL,
    compared_at       VARCHAR,
    position_gaps     VARCHAR,
    tables_compared   VARCHAR,
    rows_compared     BIGINT,
    differences_total BIGINT,
    consistent        BOOLEAN,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    failure           VARCHAR
);

CREATE INDEX consistency_check_by_start ON consistency_check (started_at);

CREATE TABLE consistency_difference (
    check_id      VARCHAR(36) NOT NULL,
    ordinal       INTEGER     NOT NULL,
    table_name    VARCHAR(255) NOT NULL,
    row_key       VARCHAR     NOT NULL,
    column_name   VARCHAR(255),
    kind          VARCHAR(20) NOT NULL,
    live_value    VARCHAR,
    rebuilt_value VARCHAR,
    PRIMARY KEY (check_id, ordinal)
);
