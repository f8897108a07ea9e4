-- Every recorded fact as one line, keyed by (aggregate, aggregate sequence): what it is, the business date it happened,
-- the number it adds to a figure (remains counted, an indicator's value) and the value a correction superseded, who
-- submitted it and when it was recorded, and its payload as JSON. The timelines of the console and the facts behind
-- each figure of /api/statistics are read from here.
CREATE TABLE fact_line (
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_position  BIGINT,
    event_id        VARCHAR(255),
    event_type      VARCHAR(100) NOT NULL,
    aggregate_type  VARCHAR(100),
    business_date   DATE,
    amount          BIGINT,
    previous_amount BIGINT,
    submitter       VARCHAR(255),
    unit            VARCHAR(255),
    side            VARCHAR(2),
    province        VARCHAR(20),
    recorded_at     TIMESTAMP WITH TIME ZONE,
    payload         VARCHAR,
    PRIMARY KEY (aggregate_id, sequence_number)
);

CREATE INDEX fact_line_by_type_and_date ON fact_line (event_type, business_date);
