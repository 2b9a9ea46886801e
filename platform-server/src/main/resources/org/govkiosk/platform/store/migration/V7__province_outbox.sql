-- Upward delivery to the provincial 好差评 system (issue 18). Every rating, and every later change of one (an
-- upheld appeal ...), is an entry of this outbox, written in the transaction that stores the rating or the change
-- (a rating and its entry are never one without the other). The entry names the rating; the payload is composed
-- when it is sent, from the stored rating and the entry's detail. idempotency_key is what the province dedupes on
-- (kind and rating, so a resend after a lost answer is the same delivery). state: PENDING (due at next_attempt_at),
-- SENDING (claimed by claimed_by at claimed_at; a stale claim is pending again), SENT, DEAD (given up after the
-- attempts configured, or refused for good: a dead letter for staff, which they may queue again). Times as epoch
-- milliseconds.
CREATE TABLE province_outbox (
    entry_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    rating_id       VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(120)  NOT NULL,
    detail          VARCHAR(4000),
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_at      BIGINT,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    sent_at         BIGINT,
    last_error      VARCHAR(300),
    CONSTRAINT province_outbox_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX province_outbox_by_state ON province_outbox (state, next_attempt_at);

-- 差评通报单 from the province: each notice once (its number), with the rating it names and its deadline; the
-- rating's entry on the 回访整改 ledger carries the notice's number and deadline.
CREATE TABLE province_notices (
    notice_number VARCHAR(64)   NOT NULL PRIMARY KEY,
    rating_id     VARCHAR(64)   NOT NULL,
    deadline      DATE          NOT NULL,
    issued_at     BIGINT        NOT NULL,
    received_at   BIGINT        NOT NULL,
    body_sha256   VARCHAR(64)   NOT NULL
);
ALTER TABLE rating_ledger ADD COLUMN notice_number VARCHAR(64);
ALTER TABLE rating_ledger ADD COLUMN notice_deadline DATE;

-- The ratings stored before this migration go up too (every rating is to reach the province), oldest first, with
-- the same idempotency keys as ratings stored from now on.
INSERT INTO province_outbox (entry_id, kind, rating_id, idempotency_key, detail, state, attempts, next_attempt_at,
        created_at, updated_at)
    SELECT 'backfill-' || rating_id, CASE WHEN defaulted THEN 'DEFAULT_RATING' ELSE 'RATING' END, rating_id,
           (CASE WHEN defaulted THEN 'default:' ELSE 'rating:' END) || rating_id, NULL, 'PENDING', 0, received_at,
           received_at, received_at
    FROM ratings;
