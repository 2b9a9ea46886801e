-- The citizen's SMS notices of a case (受理, 补正, 办结 / 不予受理 / 退回, result ready to print): one row per case and
-- notice, written in the transaction that moves the case (the outbox pattern: a state change and its notice are
-- never one without the other), once (the key), so a replayed request or job adds none. A job renders the PENDING
-- rows into the SMS outbox (sms_outbox, deduplicated by case and notice) and marks them QUEUED, or SKIPPED (the
-- citizen declined notices, no phone) or SUPERSEDED (a later notice of the same case says it all).
-- Times as epoch milliseconds.
CREATE TABLE case_notices (
    case_number VARCHAR(64) NOT NULL,
    notice      VARCHAR(32) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    reason      VARCHAR(64),
    created_at  BIGINT      NOT NULL,
    updated_at  BIGINT      NOT NULL,
    PRIMARY KEY (case_number, notice)
);
CREATE INDEX case_notices_by_state ON case_notices (state, created_at);
