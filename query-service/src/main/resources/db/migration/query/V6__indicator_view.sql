-- Cooperation indicators (SPEC §3.4): the current (corrected) value of each reported figure, and one line per
-- correction keeping the value it superseded, why, and the correction's position and time.
CREATE TABLE indicator_view (
    indicator_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    kind               VARCHAR(40)  NOT NULL,
    period_from        DATE,
    period_to          DATE,
    border_gate        VARCHAR(255),
    source             VARCHAR,
    reporting_province VARCHAR(20),
    amount             BIGINT       NOT NULL,
    reported_at        TIMESTAMP WITH TIME ZONE,
    last_sequence      BIGINT       NOT NULL
);

CREATE INDEX indicator_view_by_period ON indicator_view (kind, period_from, period_to);

CREATE TABLE indicator_correction_line (
    indicator_id      VARCHAR(255) NOT NULL,
    sequence_number   BIGINT       NOT NULL,
    superseded_amount BIGINT       NOT NULL,
    corrected_amount  BIGINT       NOT NULL,
    reason            VARCHAR,
    event_position    BIGINT,
    corrected_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (indicator_id, sequence_number)
);
