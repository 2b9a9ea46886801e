-- 申诉复核 (issue 18): a clerk or a department explains and appeals a bad rating; another person reviews it. An upheld
-- appeal (申诉成立) takes the rating out of every score and rate, the rating itself stays as it was. open_rating_id
-- holds the rating while the appeal is open and is cleared by the decision: its UNIQUE constraint (NULLs apart, on
-- H2 and PostgreSQL alike) keeps one open appeal per rating whichever instance files it. Times as epoch ms.
CREATE TABLE rating_appeals (
    appeal_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    rating_id       VARCHAR(64)   NOT NULL,
    open_rating_id  VARCHAR(64),
    state           VARCHAR(16)   NOT NULL,
    filed_by        VARCHAR(64)   NOT NULL,
    department      VARCHAR(100),
    explanation     VARCHAR(4000) NOT NULL,
    filed_at        BIGINT        NOT NULL,
    reviewed_by     VARCHAR(64),
    decision_reason VARCHAR(2000),
    decided_at      BIGINT,
    CONSTRAINT rating_appeals_one_open UNIQUE (open_rating_id)
);
CREATE INDEX rating_appeals_by_rating ON rating_appeals (rating_id, state);

-- The evidence of an appeal (photos of the counter's records, a screenshot): images bounded like a case's pages.
CREATE TABLE rating_appeal_evidence (
    appeal_id  VARCHAR(64) NOT NULL,
    seq        INTEGER     NOT NULL,
    media_type VARCHAR(32) NOT NULL,
    sha256     VARCHAR(64) NOT NULL,
    content    BYTEA       NOT NULL,
    PRIMARY KEY (appeal_id, seq)
);

-- Which department a hall's window belongs to, so that ledger entries and reports count under it (not 未指定).
CREATE TABLE rating_window_departments (
    hall_code   VARCHAR(64)  NOT NULL,
    window_id   VARCHAR(64)  NOT NULL,
    department  VARCHAR(100) NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (hall_code, window_id)
);

-- What a hall's published rating page (公开评价结果) shows beyond departments and items: clerk ids only where the
-- hall chose so.
CREATE TABLE rating_publication (
    hall_code       VARCHAR(64) NOT NULL PRIMARY KEY,
    show_clerks     BOOLEAN     NOT NULL,
    updated_by      VARCHAR(64) NOT NULL,
    updated_at      BIGINT      NOT NULL
);
