-- Agreements (SPEC §3.1). Lists that are always read and replaced whole with their agreement (parties, signatories,
-- domains) are JSON text written by the projection; reviews and amendments are one line per event, keyed by
-- (agreement, aggregate sequence). last_sequence makes every event apply at most once.
CREATE TABLE agreement_view (
    agreement_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    title              VARCHAR(1000),
    parties            VARCHAR(1000),
    status             VARCHAR(20)  NOT NULL,
    signed_on          DATE,
    place              VARCHAR(255),
    document_ref       VARCHAR(255),
    signatories        VARCHAR,
    domains            VARCHAR(2000),
    valid_from         DATE,
    valid_to           DATE,
    terminated_on      DATE,
    termination_reason VARCHAR,
    last_sequence      BIGINT       NOT NULL
);

CREATE TABLE agreement_review_line (
    agreement_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    reviewed_on     DATE,
    period_from     DATE,
    period_to       DATE,
    summary         VARCHAR,
    PRIMARY KEY (agreement_id, sequence_number)
);

CREATE TABLE agreement_amendment_line (
    agreement_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    amended_on      DATE,
    summary         VARCHAR,
    domains         VARCHAR(2000),
    valid_to        DATE,
    document_ref    VARCHAR(255),
    PRIMARY KEY (agreement_id, sequence_number)
);
