-- Remains repatriation cases (SPEC §3.2): running totals per case, and one line per recovery or repatriation keyed by
-- (case, aggregate sequence). The statistics sum the lines by business date.
CREATE TABLE repatriation_case_view (
    case_id            VARCHAR(255) NOT NULL PRIMARY KEY,
    season             VARCHAR(50),
    search_province    VARCHAR(20),
    searching_unit     VARCHAR(255),
    opened_by_province VARCHAR(20),
    recovered_total    BIGINT       NOT NULL,
    repatriated_total  BIGINT       NOT NULL,
    first_recovered_on DATE,
    last_sequence      BIGINT       NOT NULL
);

CREATE TABLE repatriation_case_line (
    case_id         VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    occurred_on     DATE         NOT NULL,
    remains_count   INTEGER      NOT NULL,
    site_province   VARCHAR(20),
    site_district   VARCHAR(255),
    site_commune    VARCHAR(255),
    site_lat        DOUBLE PRECISION,
    site_lon        DOUBLE PRECISION,
    border_gate     VARCHAR(255),
    receiving_unit  VARCHAR(255),
    PRIMARY KEY (case_id, sequence_number)
);

CREATE INDEX repatriation_case_line_by_date ON repatriation_case_line (occurred_on, kind);
