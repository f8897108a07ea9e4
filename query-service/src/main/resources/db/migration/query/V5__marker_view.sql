-- Border markers (SPEC §3.3): one row per marker with its latest status and the dates of each step. confirmed_on is
-- set only by the other side's confirmation; the statistics count markers by it.
CREATE TABLE marker_view (
    marker_id          VARCHAR(255) NOT NULL PRIMARY KEY,
    marker_type        VARCHAR(20),
    responsible_side   VARCHAR(2),
    planned_lat        DOUBLE PRECISION,
    planned_lon        DOUBLE PRECISION,
    status             VARCHAR(20)  NOT NULL,
    completed_on       DATE,
    reporting_side     VARCHAR(2),
    surveyed_lat       DOUBLE PRECISION,
    surveyed_lon       DOUBLE PRECISION,
    confirmed_on       DATE,
    confirming_side    VARCHAR(2),
    damaged_on         DATE,
    damage_description VARCHAR,
    repaired_on        DATE,
    repair_description VARCHAR,
    last_sequence      BIGINT       NOT NULL
);

CREATE INDEX marker_view_by_confirmation ON marker_view (confirmed_on);
