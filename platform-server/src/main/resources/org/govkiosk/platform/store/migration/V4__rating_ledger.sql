-- 回访整改台账 (issue 18): every bad rating a citizen gave (not a default) has one entry, made by the ledger when it
-- first sees the rating. Owner (department and/or clerk), call-back (when, by whom, what the citizen said),
-- rectification, outcome; deadlines as dates of the platform's zone on the working calendar (first_deadline: 10
-- working days from the day received, deadline: after any extension). Times as epoch milliseconds.
-- real_name FALSE is 不公开评价: the entry keeps no case number and no outcome SMS goes out. sms_due: closed, the
-- case has a phone, and the outcome SMS is not yet in the SMS outbox (set with the closing, cleared once queued).
CREATE TABLE rating_ledger (
    rating_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_number      VARCHAR(64),
    real_name        BOOLEAN       NOT NULL,
    received_at      BIGINT        NOT NULL,
    owner_department VARCHAR(100),
    owner_clerk      VARCHAR(64),
    first_deadline   DATE          NOT NULL,
    deadline         DATE          NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    called_back_at   BIGINT,
    called_back_by   VARCHAR(64),
    citizen_said     VARCHAR(2000),
    rectification    VARCHAR(2000),
    outcome          VARCHAR(200),
    closed_at        BIGINT,
    closed_on        DATE,
    sms_due          BOOLEAN       DEFAULT FALSE NOT NULL,
    sms_queued       BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX rating_ledger_by_received ON rating_ledger (received_at);
CREATE INDEX rating_ledger_by_state ON rating_ledger (state, deadline);

-- Each step on an entry, in order: assignments, call-backs, extensions with their written reason and new
-- deadline, the closing.
CREATE TABLE rating_ledger_history (
    rating_id   VARCHAR(64)   NOT NULL,
    step        INTEGER       NOT NULL,
    happened_at BIGINT        NOT NULL,
    done_by     VARCHAR(64)   NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    deadline    DATE          NOT NULL,
    reason      VARCHAR(2000),
    PRIMARY KEY (rating_id, step)
);
